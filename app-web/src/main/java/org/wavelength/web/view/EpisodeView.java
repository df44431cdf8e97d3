package org.wavelength.web.view;

import java.time.Instant;
import org.wavelength.core.domain.Episode;

/**
 * An episode in a list (an episode list, search results, recommendations, similar episodes, the
 * chat's items): enough to show it, play it and link to it. {@code goneFromFeedAt} is set once the
 * feed stopped listing it.
 */
public record EpisodeView(long id, long podcastId, String title, String description, Instant publishedAt,
        Integer durationSeconds, String audioUrl, String link, String imageUrl, Integer season, Integer episodeNumber,
        Instant goneFromFeedAt) {

    public static EpisodeView of(Episode e) {
        return new EpisodeView(e.id(), e.podcastId(), e.title(), e.description(), e.publishedAt(), e.durationSeconds(),
                e.audioUrl(), e.link(), e.imageUrl(), e.season(), e.episodeNumber(), e.goneFromFeedAt());
    }
}

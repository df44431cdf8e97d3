package org.wavelength.web.rest;

import java.time.Instant;
import org.wavelength.core.domain.Episode;

/** An episode in a list (recommendations, similar episodes): enough to show it, play it and link to it. */
public record EpisodeBrief(long id, long podcastId, String title, String description, Instant publishedAt,
        Integer durationSeconds, String audioUrl, String link, String imageUrl, Integer season, Integer episodeNumber) {

    public static EpisodeBrief of(Episode e) {
        return new EpisodeBrief(e.id(), e.podcastId(), e.title(), e.description(), e.publishedAt(), e.durationSeconds(),
                e.audioUrl(), e.link(), e.imageUrl(), e.season(), e.episodeNumber());
    }
}

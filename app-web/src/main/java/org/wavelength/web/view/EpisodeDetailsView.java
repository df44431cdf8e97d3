package org.wavelength.web.view;

import java.time.Instant;
import java.util.List;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.EpisodeDetails;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.TranscriptSegment;

/** An episode on its own: sanitised show notes, transcript (null when none), chapters, people and enclosures. */
public record EpisodeDetailsView(long id, long podcastId, String title, Instant publishedAt, Integer durationSeconds,
        String audioUrl, String imageUrl, Integer season, Integer episodeNumber, String episodeType,
        String descriptionHtml, Transcript transcript, List<Chapter> chapters, List<FeedContent.Person> persons,
        List<FeedContent.Enclosure> enclosures, Instant goneFromFeedAt) {

    public static EpisodeDetailsView of(EpisodeDetails details) {
        var e = details.episode();
        return new EpisodeDetailsView(e.id(), e.podcastId(), e.title(), e.publishedAt(), e.durationSeconds(), e.audioUrl(),
                e.imageUrl(), e.season(), e.episodeNumber(), e.episodeType(), ShowNotes.of(details),
                details.transcript() == null ? null : new Transcript(details.transcript()), details.chapters(),
                details.persons(), details.enclosures(), e.goneFromFeedAt());
    }

    public record Transcript(List<TranscriptSegment> segments) {
    }
}

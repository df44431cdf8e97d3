package org.wavelength.core.domain;

import java.time.Instant;

/**
 * One episode of a podcast. {@code guid} is the feed's identity for it, stable across re-ingestion;
 * {@code goneFromFeedAt} is set when the feed stopped listing it (it is kept, not deleted).
 */
public record Episode(
        long id,
        long podcastId,
        String guid,
        String title,
        String description,
        String audioUrl,
        Instant publishedAt,
        Integer durationSeconds,
        String link,
        String imageUrl,
        Integer season,
        Integer episodeNumber,
        String episodeType,
        Instant goneFromFeedAt) {

    /** Links stored before they were checked are checked again here: a page only ever gets web addresses. */
    public Episode {
        audioUrl = WebAddress.orNull(audioUrl);
        link = WebAddress.orNull(link);
        imageUrl = WebAddress.orNull(imageUrl);
    }
}

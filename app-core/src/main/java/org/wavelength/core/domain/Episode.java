package org.wavelength.core.domain;

import java.time.Instant;

/** One episode of a podcast. {@code guid} is the feed's identity for it, stable across re-ingestion. */
public record Episode(
        long id,
        long podcastId,
        String guid,
        String title,
        String description,
        String audioUrl,
        Instant publishedAt,
        Integer durationSeconds,
        String link) {
}

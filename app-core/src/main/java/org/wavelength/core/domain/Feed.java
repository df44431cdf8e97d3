package org.wavelength.core.domain;

import java.time.Instant;

/** A feed the catalogue follows, and what happened the last time it was fetched. */
public record Feed(
        long id,
        String url,
        FeedStatus status,
        String title,
        Long podcastId,
        int episodeCount,
        String lastError,
        Instant lastFetchedAt,
        Instant nextFetchAt,
        int consecutiveFailures,
        /** Validators of the last response, sent back so that an unchanged feed costs a 304. */
        String etag,
        String lastModified) {
}

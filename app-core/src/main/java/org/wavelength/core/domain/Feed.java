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
        String lastModified,
        /** The feed listed more items than the cap: how many it listed and how many (its newest) were kept; else null. */
        ItemCap cap) {

    /** The newest {@code kept} of the {@code listed} items of a feed over the per-feed cap. */
    public record ItemCap(int listed, int kept) {
    }
}

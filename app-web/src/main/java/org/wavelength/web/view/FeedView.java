package org.wavelength.web.view;

import java.time.Instant;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedStatus;

/** A followed feed and its health, as the admin API shows it. */
public record FeedView(long id, String url, FeedStatus status, String title, Long podcastId, int episodeCount,
        String lastError, Instant lastFetchedAt, Instant nextFetchAt, Feed.ItemCap cap) {

    public static FeedView of(Feed f) {
        return new FeedView(f.id(), f.url(), f.status(), f.title(), f.podcastId(), f.episodeCount(), f.lastError(),
                f.lastFetchedAt(), f.nextFetchAt(), f.cap());
    }
}

package org.wavelength.core.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedStatus;
import org.wavelength.core.domain.Page;

/** The feeds the catalogue follows and their fetch state, shared by every app instance. */
public interface FeedStore {

    /** Registers a feed as PENDING; an existing one with the same URL is returned as it is. */
    Registration register(String url);

    /** Registers many feeds in one transaction (an OPML import); the result is in the order given. */
    List<Registration> registerAll(Collection<String> urls);

    Optional<Feed> feed(long id);

    Page<Feed> feeds(int page, int size);

    List<Feed> all();

    long count();

    /** How many feeds are in each status; statuses with none are absent. */
    Map<FeedStatus, Long> statusCounts();

    /**
     * Ids of feeds that are due: never fetched, whose next fetch time has come, or whose lease ran out (the
     * worker that held it died, maybe during a first fetch, which has no next fetch time).
     */
    List<Long> due(Instant now, int limit);

    /**
     * Takes a feed for fetching until {@code leaseUntil} if it is still {@linkplain #due due}: at most one
     * caller wins, across instances, and a feed another instance has just fetched is not fetched again.
     */
    boolean claimDue(long feedId, Instant now, Instant leaseUntil);

    /**
     * Takes a feed until {@code leaseUntil} whatever its next fetch time (its document is already in hand:
     * a file or an upload). At most one caller wins; an expired lease (a crashed worker) can be taken again.
     */
    boolean claim(long feedId, Instant now, Instant leaseUntil);

    /**
     * Makes a feed due now, so that whichever instance ingests fetches it next (a DEAD feed gets another
     * try). A feed being fetched right now keeps its lease.
     */
    void fetchSoon(long feedId, Instant now);

    /** {@code cap}: the feed was over the per-feed item cap (null when it was not). */
    void recordSuccess(long feedId, long podcastId, String title, Instant fetchedAt, Instant nextFetchAt, String etag,
            String lastModified, Feed.ItemCap cap);

    /** The server said 304: nothing changed, nothing was parsed. */
    void recordNotModified(long feedId, Instant fetchedAt, Instant nextFetchAt);

    /** Stores the error for the admin; the feed becomes ERROR, or DEAD when {@code dead}. */
    void recordFailure(long feedId, String error, Instant fetchedAt, Instant nextFetchAt, boolean dead);

    /**
     * The feed moved (a permanent redirect or itunes:new-feed-url): follow it, unless another feed
     * already has that URL. Returns whether the URL was changed.
     */
    boolean moveTo(long feedId, String newUrl);

    record Registration(Feed feed, boolean created) {
    }
}

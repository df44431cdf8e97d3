package org.wavelength.core.port;

import java.time.Instant;
import java.util.List;

/**
 * Subscriptions a listener asked for to feeds whose podcast is not stored yet (an OPML import of feeds the
 * catalogue did not know): kept until the podcast is there, then taken once, by one replica.
 */
public interface SubscriptionRequests {

    /** A request whose feed's podcast is now stored. */
    record Ready(long userId, long feedId, long podcastId) {
    }

    /** Keeps the request; asking again for the same feed is the same request. */
    void request(long userId, long feedId, Instant at);

    /** Requests whose podcast is stored, at most {@code limit}. */
    List<Ready> ready(int limit);

    /** Removes the request; true for the one caller that removed it (so it is fulfilled once). */
    boolean take(long userId, long feedId);
}

package org.wavelength.core.listener;

import java.time.Clock;
import java.util.List;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.port.SubscriptionRequests;

/**
 * A listener's subscriptions from a list of feeds (OPML): a feed whose podcast is stored is subscribed to at
 * once; one that is not yet (just added, or still being fetched) is kept as a request and subscribed to by
 * {@link #fulfil} once its podcast is stored. Every subscription is the listener's SUBSCRIBE, through
 * {@link ListenerActions}, so the profile follows.
 */
public class ImportedSubscriptions {

    /** What became of one feed of the list. */
    public enum Outcome { SUBSCRIBED, WAITING }

    static final int BATCH = 500;

    private final ListenerActions actions;
    private final SubscriptionRequests requests;
    private final Clock clock;

    public ImportedSubscriptions(ListenerActions actions, SubscriptionRequests requests, Clock clock) {
        this.actions = actions;
        this.requests = requests;
        this.clock = clock;
    }

    public Outcome subscribe(long userId, Feed feed) {
        if (feed.podcastId() != null) {
            actions.record(userId, null, feed.podcastId(), Interaction.Type.SUBSCRIBE.name(), null);
            return Outcome.SUBSCRIBED;
        }
        requests.request(userId, feed.id(), clock.instant());
        return Outcome.WAITING;
    }

    /** Subscribes the listeners whose requested podcasts are now stored; returns how many. */
    public int fulfil() {
        int done = 0;
        List<SubscriptionRequests.Ready> ready = requests.ready(BATCH);
        for (SubscriptionRequests.Ready r : ready) {
            if (requests.take(r.userId(), r.feedId())) {
                actions.record(r.userId(), null, r.podcastId(), Interaction.Type.SUBSCRIBE.name(), null);
                done++;
            }
        }
        return done;
    }
}

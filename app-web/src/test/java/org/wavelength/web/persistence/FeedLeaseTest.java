package org.wavelength.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.wavelength.core.port.FeedStore;

/**
 * Several instances never fetch the same feed at once: they race for it through the database. Runs on
 * H2 and, in the PostgreSQL run, on PostgreSQL.
 */
@QuarkusTest
class FeedLeaseTest {

    @Inject
    FeedStore feeds;

    @Test
    void exactlyOneOfManyConcurrentWorkersWinsAFeed() throws Exception {
        long feedId = feeds.register("https://lease.example/race-" + System.nanoTime() + ".xml").feed().id();
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Instant now = Instant.now();
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return feeds.claimDue(feedId, now, now.plus(Duration.ofMinutes(10)));
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseThatRanOutCanBeTakenOverAndAReleasedFeedIsDueAgain() {
        long feedId = feeds.register("https://lease.example/expired-" + System.nanoTime() + ".xml").feed().id();
        Instant now = Instant.now();
        assertThat(feeds.claim(feedId, now, now.plusSeconds(60))).isTrue();
        assertThat(feeds.claim(feedId, now.plusSeconds(30), now.plusSeconds(90))).as("still held").isFalse();
        assertThat(feeds.due(now.plusSeconds(30), 1000)).doesNotContain(feedId);
        assertThat(feeds.claim(feedId, now.plusSeconds(61), now.plusSeconds(120))).as("worker crashed").isTrue();

        feeds.recordFailure(feedId, "boom", now, now.plusSeconds(5), false);
        assertThat(feeds.due(now.plusSeconds(6), 1000)).contains(feedId);
        assertThat(feeds.due(now.plusSeconds(1), 1000)).doesNotContain(feedId);
    }

    /**
     * A worker killed during a feed's first fetch leaves it FETCHING with no next fetch time: once the
     * lease runs out the feed must be due again, or nothing ever takes it (issue 14).
     */
    @Test
    void aFirstFetchWhoseWorkerDiedIsDueOnceItsLeaseRunsOut() {
        long feedId = feeds.register("https://lease.example/first-fetch-" + System.nanoTime() + ".xml").feed().id();
        Instant now = Instant.now();
        assertThat(feeds.claim(feedId, now, now.plusSeconds(60))).isTrue(); // then kill -9: no record of any outcome

        assertThat(feeds.due(now.plusSeconds(30), 100_000)).as("still held").doesNotContain(feedId);
        assertThat(feeds.due(now.plusSeconds(61), 100_000)).as("lease ran out").contains(feedId);
        assertThat(feeds.claim(feedId, now.plusSeconds(61), now.plusSeconds(120))).isTrue();
    }

    /**
     * A refresh queued on one instance may meet a feed another instance has fetched since: it must not fetch
     * it again (seen with two ingesting replicas, issue 14). An admin's "fetch again" makes it due at once.
     */
    @Test
    void aFeedJustFetchedIsNotTakenAgainUntilItIsDueOrAskedFor() {
        long feedId = feeds.register("https://lease.example/just-fetched-" + System.nanoTime() + ".xml").feed().id();
        Instant now = Instant.now();
        assertThat(feeds.claimDue(feedId, now, now.plusSeconds(60))).as("new: due").isTrue();
        feeds.recordFailure(feedId, "a timeout", now.plusSeconds(1), now.plus(Duration.ofHours(1)), false);

        assertThat(feeds.claimDue(feedId, now.plusSeconds(2), now.plusSeconds(62))).as("just fetched").isFalse();
        assertThat(feeds.claim(feedId, now.plusSeconds(2), now.plusSeconds(3))).as("a document in hand").isTrue();
        feeds.recordFailure(feedId, "a timeout", now.plusSeconds(3), now.plus(Duration.ofHours(1)), false);

        feeds.fetchSoon(feedId, now.plusSeconds(4));
        assertThat(feeds.due(now.plusSeconds(4), 100_000)).contains(feedId);
        assertThat(feeds.claimDue(feedId, now.plusSeconds(4), now.plusSeconds(64))).as("asked for").isTrue();
    }

    @Test
    void aDeadFeedAskedForAgainIsDue() {
        long feedId = feeds.register("https://lease.example/dead-" + System.nanoTime() + ".xml").feed().id();
        Instant now = Instant.now();
        feeds.recordFailure(feedId, "gone", now, null, true);
        assertThat(feeds.claimDue(feedId, now.plusSeconds(1), now.plusSeconds(61))).as("dead").isFalse();

        feeds.fetchSoon(feedId, now.plusSeconds(2));
        assertThat(feeds.claimDue(feedId, now.plusSeconds(2), now.plusSeconds(62))).isTrue();
    }
}

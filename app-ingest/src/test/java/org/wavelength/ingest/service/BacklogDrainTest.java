package org.wavelength.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedStatus;
import org.wavelength.core.domain.Page;
import org.wavelength.core.port.FeedStore;

/**
 * After a restart with a backlog of due feeds, the worker takes them as fast as it goes: not a tick's
 * worth (8 feeds) every poll interval, which drained 16 feeds a minute (issue 14).
 */
class BacklogDrainTest {

    static final int DUE = 120;

    /** Due feeds until they are fetched; a fetched feed is due again only in an hour. */
    static final class DueFeeds implements FeedStore {
        final Set<Long> due = ConcurrentHashMap.newKeySet();
        final Set<Long> fetched = ConcurrentHashMap.newKeySet();

        @Override
        public List<Long> due(Instant now, int limit) {
            return due.stream().sorted().limit(limit).toList();
        }

        void fetch(long feedId) {
            assertThat(due.remove(feedId)).as("fetched once, while due").isTrue();
            fetched.add(feedId);
        }

        @Override
        public Registration register(String url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Registration> registerAll(Collection<String> urls) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Feed> feed(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Feed> feeds(int page, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Feed> all() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count() {
            return due.size() + fetched.size();
        }

        @Override
        public Map<FeedStatus, Long> statusCounts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean claim(long feedId, Instant now, Instant leaseUntil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean claimDue(long feedId, Instant now, Instant leaseUntil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void fetchSoon(long feedId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordSuccess(long feedId, long podcastId, String title, Instant fetchedAt, Instant nextFetchAt,
                String etag, String lastModified, Feed.ItemCap cap) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordNotModified(long feedId, Instant fetchedAt, Instant nextFetchAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordFailure(long feedId, String error, Instant fetchedAt, Instant nextFetchAt, boolean dead) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean moveTo(long feedId, String newUrl) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aBacklogOfDueFeedsIsTakenInOneTickNotATickPerEightFeeds() throws InterruptedException {
        DueFeeds feeds = new DueFeeds();
        LongStream.rangeClosed(1, DUE).forEach(feeds.due::add);
        FeedIngestion ingestion = new FeedIngestion(null, null, null, null, null, null, null, Clock.systemUTC()) {
            @Override
            public Outcome refresh(long feedId) {
                feeds.fetch(feedId);
                return Outcome.INGESTED;
            }
        };
        IngestWorker worker = new IngestWorker(ingestion, feeds, new IngestTestConfig(2, 0));

        int ticks = 0;
        while (!feeds.due.isEmpty() && ticks < DUE) {
            worker.refreshDueFeeds();
            ticks++;
            awaitIdle(worker);
        }
        System.out.printf("%d due feeds taken in %d ticks of the schedule%n", feeds.fetched.size(), ticks);

        assertThat(feeds.fetched).hasSize(DUE);
        assertThat(ticks).as("ticks of the schedule (one each poll interval) to drain %d feeds", DUE).isEqualTo(1);
    }

    private static void awaitIdle(IngestWorker worker) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!worker.idle() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(worker.idle()).as("the worker finished its queue").isTrue();
    }
}

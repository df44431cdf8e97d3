package org.wavelength.ingest.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wavelength.core.port.FeedStore;
import org.wavelength.ingest.config.IngestConfig;

/**
 * Runs ingestion in this process: feeds added here start at once, and due feeds are picked up on a
 * schedule. With {@code wavelength.ingest.enabled=false} (web replicas) it does nothing, and the
 * instances that have it on take the work from the shared database.
 */
@ApplicationScoped
public class IngestWorker {

    private final FeedIngestion ingestion;
    private final FeedStore feeds;
    private final IngestConfig config;
    private final ExecutorService executor;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    public IngestWorker(FeedIngestion ingestion, FeedStore feeds, IngestConfig config) {
        this.ingestion = ingestion;
        this.feeds = feeds;
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(config.workers(), task -> {
            Thread thread = new Thread(task, "wavelength-ingest-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Starts fetching a feed now, in the background, when this instance ingests. A feed already
     * waiting here is not queued twice (the schedule and an admin may ask for it at once).
     */
    public void submit(long feedId) {
        if (enabled() && queued.add(feedId)) {
            run(() -> {
                try {
                    ingestion.refresh(feedId);
                } catch (RuntimeException | Error e) {
                    queued.remove(feedId);
                    throw e; // not refilled: a feed that fails this way waits for the next tick, no hot loop
                }
                takeDueFeeds(1); // before leaving the queue, so that it is never seen empty while a backlog waits
                queued.remove(feedId);
            });
        }
    }

    /**
     * Tops the queue up to {@link #queueDepth} with due feeds. Called on each tick and whenever a feed
     * is done, so that a backlog (thousands of new or orphaned feeds) drains as fast as the workers go,
     * not a tick's worth every poll interval.
     */
    void takeDueFeeds(int finishing) {
        int room = queueDepth() - queued.size() + finishing;
        if (room <= 0 || executor.isShutdown()) {
            return;
        }
        // Queued feeds are not leased yet and may come back: ask for enough to fill the room anyway.
        for (Long feedId : feeds.due(Instant.now(), room + queued.size())) {
            if (queued.size() - finishing >= queueDepth()) {
                return;
            }
            submit(feedId);
        }
    }

    /** Feeds waiting or running here at once: enough to keep every worker busy, few enough to leave some to other instances. */
    int queueDepth() {
        return 4 * config.workers();
    }

    /** Whether no feed waits or runs here (for tests that count ticks). */
    boolean idle() {
        return queued.isEmpty();
    }

    /** Runs ingestion work in the background, when this instance ingests. */
    public void run(Runnable work) {
        if (enabled() && !executor.isShutdown()) {
            executor.submit(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    Log.error("Background ingestion failed", e);
                }
            });
        }
    }

    @Scheduled(every = "${wavelength.ingest.poll-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = IngestDisabled.class)
    void refreshDueFeeds() {
        takeDueFeeds(0);
    }

    /** Before the index flushes its last batch (see the web module's IndexFlusher). */
    void stop(@Observes @Priority(1000) ShutdownEvent event) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Singleton
    public static class IngestDisabled implements Scheduled.SkipPredicate {

        private final IngestConfig config;

        public IngestDisabled(IngestConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}

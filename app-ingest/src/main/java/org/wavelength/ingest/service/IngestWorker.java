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
                } finally {
                    queued.remove(feedId);
                }
            });
        }
    }

    /** Runs ingestion work in the background, when this instance ingests. */
    public void run(Runnable work) {
        if (enabled()) {
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
        for (Long feedId : feeds.due(Instant.now(), 4 * config.workers())) {
            submit(feedId);
        }
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

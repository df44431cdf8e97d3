package org.wavelength.core.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.port.IndexDocument;

/**
 * New content reaches the index in real time (written before the call returns) or in
 * quasi-real-time batches (buffered, flushed when {@code batchSize} documents wait or on the
 * caller's schedule, and on shutdown). Either way the lag from ingestion to searchable is recorded.
 *
 * <p>In batch mode a document is acknowledged when buffered: it survives an orderly shutdown
 * ({@link #flush} on stop); after a crash it is still in the database and {@link IndexReconciliation}
 * writes it (on the ingest worker's start and schedule).
 */
public class IndexWrites {

    public enum Mode { REALTIME, BATCH }

    /** Receives the time from a document's submission to its being searchable. */
    @FunctionalInterface
    public interface LagRecorder {
        void record(Duration lag);
    }

    private final SegmentedIndex index;
    private final Mode mode;
    private final int batchSize;
    private final LagRecorder lag;
    private final Clock clock;
    private final List<Pending> buffer = new ArrayList<>();

    private record Pending(IndexDocument document, Instant submittedAt) {
    }

    public IndexWrites(SegmentedIndex index, Mode mode, int batchSize, LagRecorder lag, Clock clock) {
        this.index = index;
        this.mode = mode;
        this.batchSize = batchSize;
        this.lag = lag;
        this.clock = clock;
    }

    public Mode mode() {
        return mode;
    }

    public SegmentedIndex index() {
        return index;
    }

    public void submit(List<IndexDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (mode == Mode.REALTIME) {
            index.write(documents);
            Duration took = Duration.between(now, clock.instant());
            documents.forEach(d -> lag.record(took));
            return;
        }
        boolean full;
        synchronized (buffer) {
            documents.forEach(d -> buffer.add(new Pending(d, now)));
            full = buffer.size() >= batchSize;
        }
        if (full) {
            flush();
        }
    }

    /** Writes what is buffered; returns how many documents were written. */
    public int flush() {
        List<Pending> pending;
        synchronized (buffer) {
            if (buffer.isEmpty()) {
                return 0;
            }
            pending = new ArrayList<>(buffer);
            buffer.clear();
        }
        try {
            index.write(pending.stream().map(Pending::document).toList());
        } catch (RuntimeException e) {
            synchronized (buffer) {
                buffer.addAll(0, pending); // kept for the next flush
            }
            throw e;
        }
        Instant now = clock.instant();
        pending.forEach(p -> lag.record(Duration.between(p.submittedAt(), now)));
        return pending.size();
    }

    public int pending() {
        synchronized (buffer) {
            return buffer.size();
        }
    }
}

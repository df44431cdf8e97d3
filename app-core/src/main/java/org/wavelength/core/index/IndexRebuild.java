package org.wavelength.core.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.IndexSource;
import org.wavelength.core.port.VectorStore;

/**
 * Blue/green rebuild of a segment: a new collection is built from the database while the old one
 * serves; writes that arrive meanwhile go to both (the "next" alias tells every writer); then the
 * serving alias switches atomically, and the old collection is dropped after a grace period.
 */
public class IndexRebuild {

    static final int BATCH = 64;

    private final SegmentedIndex index;
    private final IndexSource source;
    private final Executor executor;
    private final Scheduler scheduler;
    private final Duration grace;
    private final Clock clock;
    private final List<DerivedVectors> derived;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    /**
     * Vectors computed from other vectors (listeners' profiles) rather than embedded from text: they
     * are recomputed in the new collection once its items are in, before it starts serving.
     */
    @FunctionalInterface
    public interface DerivedVectors {
        void rebuild(String segment, VectorSpace target);
    }

    /** Runs a task later; the drop of the old collection waits for readers that still hold it. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    public IndexRebuild(SegmentedIndex index, IndexSource source, List<DerivedVectors> derived, Executor executor,
            Scheduler scheduler, Duration grace, Clock clock) {
        this.index = index;
        this.derived = List.copyOf(derived);
        this.source = source;
        this.executor = executor;
        this.scheduler = scheduler;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * Starts rebuilding a segment in the background, with {@code modelId} or, when null, the model
     * configured for the segment.
     *
     * @throws InvalidInputException when the segment is not a language code or the model is unknown
     * @throws ConflictException while a rebuild of the same segment runs
     */
    public Progress start(String segment, String modelId) {
        if (!Segments.isSegment(segment)) {
            throw new InvalidInputException("Name the segment to rebuild, a language code such as ?segment=en.");
        }
        Embedder embedder;
        try {
            embedder = modelId == null ? index.embedders().forSegment(segment) : index.embedders().forModel(modelId);
        } catch (IllegalArgumentException unknownModel) {
            throw new InvalidInputException(unknownModel.getMessage());
        }
        VectorStore store = index.store();
        String target = Segments.collection(segment, embedder.modelName(), nextVersion(segment));
        Progress started = new Progress(segment, embedder.modelName(), index.serving(segment).orElse(null), target,
                source.count(segment), clock.instant());
        Progress running = progress.compute(segment, (s, old) -> old != null && old.state() == State.RUNNING ? old : started);
        if (running != started) {
            throw new ConflictException("A rebuild of segment " + segment + " is already running (to "
                    + running.target() + ").");
        }
        store.createCollection(target, embedder.dimension());
        store.setAlias(Segments.nextAlias(segment), target); // from here on, every writer writes to both
        executor.execute(() -> run(started, embedder));
        return started;
    }

    public Map<String, Progress> progress() {
        return Map.copyOf(progress);
    }

    private void run(Progress rebuild, Embedder embedder) {
        try {
            source.forEach(rebuild.segment(), BATCH, batch -> {
                var vectors = embedder.embedAll(batch.stream().map(d -> d.text()).toList());
                index.store().upsert(rebuild.target(), SegmentedIndex.points(batch, vectors));
                rebuild.done.addAndGet(batch.size());
            });
            VectorSpace target = index.space(rebuild.target());
            derived.forEach(d -> d.rebuild(rebuild.segment(), target));
            index.store().setAlias(Segments.alias(rebuild.segment()), rebuild.target()); // the atomic switch
            rebuild.finish(State.SWITCHED, null, clock.instant());
            if (rebuild.previous() != null && !rebuild.previous().equals(rebuild.target())) {
                scheduler.schedule(() -> dropQuietly(rebuild.previous()), grace);
            }
        } catch (RuntimeException e) {
            rebuild.finish(State.FAILED, e.getMessage(), clock.instant());
        }
    }

    private void dropQuietly(String collection) {
        try {
            index.store().dropCollection(collection);
        } catch (RuntimeException e) {
            // Still aliased (a newer rebuild pointed back at it) or already gone: nothing to do.
        }
    }

    private int nextVersion(String segment) {
        return index.store().collections().stream().map(Segments::parse)
                .filter(c -> c != null && c.segment().equals(segment))
                .mapToInt(Segments.Collection::version).max().orElse(0) + 1;
    }

    public enum State { RUNNING, SWITCHED, FAILED }

    /** Where a rebuild stands; {@code done} of {@code total} documents re-embedded. */
    public static final class Progress {
        private final String segment;
        private final String model;
        private final String previous;
        private final String target;
        private final long total;
        private final Instant startedAt;
        private final AtomicLong done = new AtomicLong();
        private volatile State state = State.RUNNING;
        private volatile String error;
        private volatile Instant finishedAt;

        Progress(String segment, String model, String previous, String target, long total, Instant startedAt) {
            this.segment = segment;
            this.model = model;
            this.previous = previous;
            this.target = target;
            this.total = total;
            this.startedAt = startedAt;
        }

        void finish(State state, String error, Instant at) {
            this.error = error;
            this.finishedAt = at;
            this.state = state;
        }

        public String segment() { return segment; }
        public String model() { return model; }
        public String previous() { return previous; }
        public String target() { return target; }
        public long total() { return total; }
        public long done() { return done.get(); }
        public State state() { return state; }
        public String error() { return error; }
        public Instant startedAt() { return startedAt; }
        public Instant finishedAt() { return finishedAt; }
    }
}

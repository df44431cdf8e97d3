package org.wavelength.core.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.index.RebuildProgress.State;
import org.wavelength.core.port.IndexSource;
import org.wavelength.core.port.SharedDocuments;
import org.wavelength.core.port.VectorStore;

/**
 * Blue/green rebuild of a segment: a new collection is built from the database while the old one
 * serves; writes that arrive meanwhile go to both (the "next" alias tells every writer); then the
 * serving alias switches atomically, and the old collection is dropped after a grace period. Where each rebuild
 * stands is kept in the {@link SharedDocuments}, so that every web replica shows it and refuses a second one.
 */
public class IndexRebuild {

    static final int BATCH = 64;
    /** One document per segment: its last rebuild. */
    static final String KIND = "index-rebuild";
    private static final Duration KEPT = Duration.ofDays(30);

    private final SegmentedIndex index;
    private final IndexSource source;
    private final Executor executor;
    private final Scheduler scheduler;
    private final Duration grace;
    private final Clock clock;
    private final List<DerivedVectors> derived;
    private final SharedDocuments records;

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

    public IndexRebuild(SegmentedIndex index, IndexSource source, List<DerivedVectors> derived, SharedDocuments records,
            Executor executor, Scheduler scheduler, Duration grace, Clock clock) {
        this.index = index;
        this.derived = List.copyOf(derived);
        this.source = source;
        this.records = records;
        this.executor = executor;
        this.scheduler = scheduler;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * Starts rebuilding a segment in the background, with {@code modelId} or, when null, the model
     * configured for the segment.
     *
     * @throws InvalidInputException when the segment is not a language code, holds nothing, or the model is unknown
     * @throws ConflictException while a rebuild of the same segment runs, on this replica or another
     */
    public RebuildProgress start(String segment, String modelId) {
        if (!Segments.isSegment(segment)) {
            throw new InvalidInputException("Name the segment to rebuild, a language code such as ?segment=en.");
        }
        Embedder embedder;
        try {
            embedder = modelId == null ? index.embedders().forSegment(segment) : index.embedders().forModel(modelId);
        } catch (IllegalArgumentException unknownModel) {
            throw new InvalidInputException(unknownModel.getMessage());
        }
        Optional<String> serving = index.serving(segment);
        long total = source.count(segment);
        if (total == 0 && serving.isEmpty()) {
            throw new InvalidInputException("Segment " + segment + " holds nothing to rebuild: no podcast, episode or "
                    + "passage is in that language.");
        }
        VectorStore store = index.store();
        String target = Segments.collection(segment, embedder.modelName(), nextVersion(segment));
        Instant now = clock.instant();
        RebuildProgress started = RebuildProgress.started(UUID.randomUUID().toString(), segment, embedder.modelName(),
                serving.orElse(null), target, total, now);
        RebuildProgress current = record(segment, last -> last.filter(p -> p.runningAt(now)).orElse(started));
        if (!current.run().equals(started.run())) {
            throw new ConflictException("A rebuild of segment " + segment + " is already running (to "
                    + current.target() + ").");
        }
        store.createCollection(target, embedder.dimension());
        store.setAlias(Segments.nextAlias(segment), target); // from here on, every writer writes to both
        executor.execute(() -> run(started, embedder));
        return progress(segment).orElse(started);
    }

    /** The last rebuild of each segment that has a collection, as it stands now. */
    public Map<String, RebuildProgress> progress() {
        Map<String, RebuildProgress> all = new TreeMap<>();
        index.store().collections().stream().map(Segments::parse).filter(Objects::nonNull)
                .map(Segments.Collection::segment).distinct()
                .forEach(segment -> progress(segment).ifPresent(p -> all.put(segment, p)));
        return all;
    }

    private Optional<RebuildProgress> progress(String segment) {
        Instant now = clock.instant();
        return records.read(KIND, segment, now).map(RebuildProgress::parse).map(p -> p.seenAt(now));
    }

    private void run(RebuildProgress started, Embedder embedder) {
        String segment = started.segment();
        try {
            AtomicLong done = new AtomicLong();
            source.forEach(segment, BATCH, batch -> {
                var vectors = embedder.embedAll(batch.stream().map(d -> d.text()).toList());
                index.store().upsert(started.target(), SegmentedIndex.points(batch, vectors));
                long copied = done.addAndGet(batch.size());
                advance(started, p -> p.copied(copied, clock.instant()));
            });
            VectorSpace target = index.space(started.target());
            derived.forEach(d -> d.rebuild(segment, target));
            index.store().setAlias(Segments.alias(segment), started.target()); // the atomic switch
            advance(started, p -> p.finished(State.SWITCHED, null, clock.instant()));
            if (started.previous() != null && !started.previous().equals(started.target())) {
                scheduler.schedule(() -> dropQuietly(started.previous()), grace);
            }
        } catch (Superseded e) {
            // Thought lost, and followed by another run that owns the aliases now: leave everything to it.
        } catch (RuntimeException e) {
            advanceQuietly(started, p -> p.finished(State.FAILED, e.getMessage(), clock.instant()));
            abandon(started);
        }
    }

    /** A failed run leaves nothing behind: writers stop writing to its collection, and the collection goes. */
    private void abandon(RebuildProgress failed) {
        if (failed.previous() == null) {
            return; // the segment's only collection: it serves whatever it holds
        }
        try {
            index.store().setAlias(Segments.nextAlias(failed.segment()), failed.previous());
            dropQuietly(failed.target());
        } catch (RuntimeException e) {
            // The store itself failed: the next rebuild of the segment starts from a new collection anyway.
        }
    }

    /** Changes this run's record; when another run has taken the segment since, this one stops. */
    private void advance(RebuildProgress run, UnaryOperator<RebuildProgress> change) {
        RebuildProgress after = record(run.segment(), current -> current.filter(p -> p.run().equals(run.run()))
                .map(change).or(() -> current).orElseGet(() -> change.apply(run)));
        if (!after.run().equals(run.run())) {
            throw new Superseded();
        }
    }

    private void advanceQuietly(RebuildProgress run, UnaryOperator<RebuildProgress> change) {
        try {
            advance(run, change);
        } catch (RuntimeException e) {
            // Its record could not be written: it shows as failed once it falls silent.
        }
    }

    private RebuildProgress record(String segment, Function<Optional<RebuildProgress>, RebuildProgress> change) {
        Instant now = clock.instant();
        return records.update(KIND, segment, now, current -> new SharedDocuments.Change(
                change.apply(current.map(RebuildProgress::parse)).toDocument(), now.plus(KEPT)))
                .map(RebuildProgress::parse).orElseThrow();
    }

    private static final class Superseded extends RuntimeException {
        Superseded() {
            super(null, null, false, false);
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
}

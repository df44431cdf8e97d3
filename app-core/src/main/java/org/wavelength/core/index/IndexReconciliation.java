package org.wavelength.core.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.IndexSource;
import org.wavelength.core.port.VectorFilter;

/**
 * Makes the serving index agree with the database, which is the truth: a podcast, episode or passage
 * stored but never indexed (the process died between the commit and the index write, or a batch
 * buffered in memory was lost) is written; a vector whose row is gone, or whose podcast moved to
 * another segment, is deleted. Compared by point id, one podcast at a time, so that memory stays
 * bounded by the largest podcast. Writes are idempotent (deterministic point ids): running it while
 * ingestion runs, or twice, never doubles anything.
 *
 * <p>Why the order of the reads matters: the index is read before the database. A vector seen in the
 * index was written after its row was committed, so a row missing from the later database read is
 * really gone, and a feed ingested meanwhile is never mistaken for an orphan.
 */
public class IndexReconciliation {

    static final int BATCH = 64;
    /** Orphans deleted per segment and kind in one run; the next run takes the rest. */
    static final int MAX_ORPHANS = 10_000;
    static final List<ItemKind> CATALOGUE_KINDS = List.of(ItemKind.PODCAST, ItemKind.EPISODE, ItemKind.PASSAGE);

    private final SegmentedIndex index;
    private final IndexSource source;

    public IndexReconciliation(SegmentedIndex index, IndexSource source) {
        this.index = index;
        this.source = source;
    }

    /** What a run found and did. */
    public record Result(int podcasts, int written, int deleted) {

        Result plus(Result other) {
            return new Result(podcasts + other.podcasts, written + other.written, deleted + other.deleted);
        }

        public boolean changedAnything() {
            return written > 0 || deleted > 0;
        }
    }

    /** Every segment of the database or of the index. */
    public Result reconcile() {
        Set<String> segments = new TreeSet<>(source.segments());
        segments.addAll(index.segments());
        Result total = new Result(0, 0, 0);
        for (String segment : segments) {
            total = total.plus(reconcile(segment));
        }
        return total;
    }

    public Result reconcile(String segment) {
        List<Long> podcasts = source.podcastIds(segment);
        Result result = new Result(0, 0, 0);
        for (long podcastId : podcasts) {
            result = result.plus(reconcilePodcast(segment, podcastId));
        }
        return result.plus(new Result(0, 0, deleteOrphans(segment, podcasts)));
    }

    private Result reconcilePodcast(String segment, long podcastId) {
        Set<String> indexed = pointIds(segment, VectorFilter.ALL.withPodcasts(Set.of(podcastId)), Integer.MAX_VALUE);
        List<IndexDocument> documents = source.documentsOf(podcastId);
        List<IndexDocument> missing = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        for (IndexDocument document : documents) {
            stored.add(document.pointId());
            if (!indexed.contains(document.pointId())) {
                missing.add(document);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            index.write(missing.subList(from, Math.min(from + BATCH, missing.size())));
        }
        indexed.removeAll(stored);
        index.delete(segment, indexed);
        return new Result(1, missing.size(), indexed.size());
    }

    /**
     * Vectors of podcasts the segment does not hold: seen outside the podcasts read before, and still
     * outside those read after (a podcast created meanwhile is in the second list).
     */
    private int deleteOrphans(String segment, List<Long> podcastsBefore) {
        int deleted = 0;
        for (ItemKind kind : CATALOGUE_KINDS) {
            Set<String> seen = pointIds(segment, VectorFilter.kind(kind).excludingPodcasts(Set.copyOf(podcastsBefore)),
                    MAX_ORPHANS);
            if (seen.isEmpty()) {
                continue;
            }
            Set<Long> podcastsAfter = Set.copyOf(source.podcastIds(segment));
            seen.retainAll(pointIds(segment, VectorFilter.kind(kind).excludingPodcasts(podcastsAfter), Integer.MAX_VALUE));
            index.delete(segment, seen);
            deleted += seen.size();
        }
        return deleted;
    }

    /** Point ids in the serving collection that pass the filter, up to {@code limit}. */
    private Set<String> pointIds(String segment, VectorFilter filter, int limit) {
        long count = index.count(segment, filter);
        if (count == 0) {
            return new HashSet<>();
        }
        return new HashSet<>(index.vectors(segment, filter, (int) Math.min(count, limit)).keySet());
    }
}

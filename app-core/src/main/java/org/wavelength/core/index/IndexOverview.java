package org.wavelength.core.index;

import java.util.List;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorStore;

/** What the admin sees of the vector index: segments, their models and point counts, collections, rebuilds. */
public class IndexOverview {

    public record Status(String mode, int pendingWrites, List<SegmentStatus> segments, List<String> collections,
            List<RebuildProgress> rebuilds) {
    }

    public record SegmentStatus(String segment, String serving, String model, Points points) {
    }

    public record Points(long podcasts, long episodes, long passages, long users) {
    }

    private final SegmentedIndex index;
    private final VectorStore store;
    private final IndexRebuild rebuild;
    private final IndexWrites writes;

    public IndexOverview(SegmentedIndex index, VectorStore store, IndexRebuild rebuild, IndexWrites writes) {
        this.index = index;
        this.store = store;
        this.rebuild = rebuild;
        this.writes = writes;
    }

    public Status status() {
        List<SegmentStatus> segments = index.segments().stream().map(segment -> {
            String serving = index.serving(segment).orElse(null);
            Segments.Collection parsed = serving == null ? null : Segments.parse(serving);
            return new SegmentStatus(segment, serving, parsed == null ? null : parsed.modelId(),
                    new Points(count(segment, ItemKind.PODCAST), count(segment, ItemKind.EPISODE),
                            count(segment, ItemKind.PASSAGE), count(segment, ItemKind.USER)));
        }).toList();
        return new Status(writes.mode().name().toLowerCase(java.util.Locale.ROOT), writes.pending(), segments,
                store.collections(), List.copyOf(rebuild.progress().values()));
    }

    private long count(String segment, ItemKind kind) {
        return index.count(segment, VectorFilter.kind(kind));
    }
}

package org.wavelength.web.view;

import java.time.Instant;
import java.util.List;
import org.wavelength.core.index.IndexOverview;
import org.wavelength.core.index.RebuildProgress;

/** The vector index as the admin API shows it: segments, models, point counts, collections and rebuilds. */
public record IndexStatusView(String mode, int pendingWrites, List<IndexOverview.SegmentStatus> segments,
        List<String> collections, List<RebuildView> rebuilds) {

    public static IndexStatusView of(IndexOverview.Status status) {
        return new IndexStatusView(status.mode(), status.pendingWrites(), status.segments(), status.collections(),
                status.rebuilds().stream().map(RebuildView::of).toList());
    }

    public record RebuildView(String segment, String model, String previous, String target, String state, long done,
            long total, String error, Instant startedAt, Instant finishedAt) {

        public static RebuildView of(RebuildProgress p) {
            return new RebuildView(p.segment(), p.model(), p.previous(), p.target(), p.state().name(), p.done(),
                    p.total(), p.error(), p.startedAt(), p.finishedAt());
        }
    }
}

package org.wavelength.core.index;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.wavelength.core.domain.ItemKind;

/**
 * A figure measured on a segment's items of one kind (a relevance floor, or what it is worked out from),
 * kept per serving collection and kind for {@code ttlMinutes}: new items move it slowly, and a rebuilt
 * segment is a new collection, measured afresh. Empty when the segment has no serving collection or the
 * measure says so.
 */
public final class SegmentMeasures<T> {

    private final SegmentedIndex index;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final BiFunction<String, ItemKind, Optional<T>> measure;
    private final Map<String, Measured<T>> measured = new ConcurrentHashMap<>();

    public SegmentMeasures(SegmentedIndex index, long ttlMinutes, LongSupplier nanoTime,
            BiFunction<String, ItemKind, Optional<T>> measure) {
        this.index = index;
        this.ttlNanos = TimeUnit.MINUTES.toNanos(ttlMinutes);
        this.nanoTime = nanoTime;
        this.measure = measure;
    }

    public Optional<T> of(String segment, ItemKind kind) {
        String collection = index.serving(segment).orElse(null);
        if (collection == null) {
            return Optional.empty();
        }
        String key = collection + "/" + kind;
        long now = nanoTime.getAsLong();
        Measured<T> cached = measured.get(key);
        if (cached == null || now - cached.at() >= ttlNanos) {
            cached = new Measured<>(measure.apply(segment, kind), now);
            measured.put(key, cached);
        }
        return cached.value();
    }

    /** The value below which a share {@code p} of the sorted values lie (nearest rank). */
    public static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private record Measured<T>(Optional<T> value, long at) {
    }
}

package org.wavelength.core.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.index.SegmentMeasures;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.VectorFilter;

/**
 * How close, by cosine, an item must be to another of its kind to be called similar to it, in one
 * language segment: closer than a share {@code percentile} of the pairs of that segment's items of
 * that kind. Cosines of a sentence-embedding model have no meaning of their own (every text shares a
 * common direction, and the level differs by model and catalogue), so the floor is measured on the
 * segment itself: the cosines of every pair among a sample of up to {@value #SAMPLE} items, kept per
 * serving collection and kind for {@value #TTL_MINUTES} minutes.
 *
 * <p>Without it, a small catalogue answers "similar to a video-game show" with a music show, because
 * something is always nearest. On the 4,560 Apple shows (MiniLM), the floor at the 0.9 percentile
 * keeps 9.9 of each podcast's 10 nearest on average, and those it drops share the podcast's genre
 * 29 % of the time against 45 % for those it keeps.
 */
public final class NeighbourFloor {

    /** Items of a kind the pairs are sampled from: 124,750 pairs. */
    static final int SAMPLE = 500;
    static final long TTL_MINUTES = 10;
    /** The product's: closer than nine pairs of podcasts in ten. */
    public static final double DEFAULT_PERCENTILE = 0.9;

    private final SegmentedIndex index;
    private final double percentile;
    private final SegmentMeasures<Double> floors;

    public NeighbourFloor(SegmentedIndex index, double percentile) {
        this(index, percentile, System::nanoTime);
    }

    NeighbourFloor(SegmentedIndex index, double percentile, LongSupplier nanoTime) {
        if (!(percentile >= 0 && percentile < 1)) {
            throw new IllegalArgumentException("The floor's percentile is in [0, 1), not " + percentile);
        }
        this.index = index;
        this.percentile = percentile;
        this.floors = new SegmentMeasures<>(index, TTL_MINUTES, nanoTime, this::measure);
    }

    /** The floor of the segment's items of a kind; empty when it has fewer than two (no pair) or the floor is off. */
    public OptionalDouble of(String segment, ItemKind kind) {
        return percentile == 0 ? OptionalDouble.empty()
                : floors.of(segment, kind).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private Optional<Double> measure(String segment, ItemKind kind) {
        List<float[]> units = new ArrayList<>();
        index.vectors(segment, VectorFilter.kind(kind), SAMPLE).values().forEach(v -> units.add(Vectors.normalized(v)));
        if (units.size() < 2) {
            return Optional.empty();
        }
        double[] pairs = new double[units.size() * (units.size() - 1) / 2];
        int n = 0;
        for (int i = 0; i < units.size(); i++) {
            for (int j = i + 1; j < units.size(); j++) {
                pairs[n++] = Vectors.dot(units.get(i), units.get(j));
            }
        }
        Arrays.sort(pairs);
        return Optional.of(SegmentMeasures.percentile(pairs, percentile));
    }

}

package org.wavelength.core.port;

import java.util.List;
import java.util.Optional;
import org.wavelength.core.domain.Vectors;

/**
 * "More like these, less like those": examples are point ids already in the store or raw vectors.
 * Every store ranks by cosine to the same target, {@code avg(positives) + (avg(positives) -
 * avg(negatives))} (Qdrant's average_vector strategy), so that all adapters agree. Example points
 * are never returned. At least one positive example is required.
 */
public record RecommendQuery(
        List<String> positiveIds,
        List<float[]> positiveVectors,
        List<String> negativeIds,
        List<float[]> negativeVectors,
        VectorFilter filter,
        int limit,
        Integer maxPerPodcast) {

    public RecommendQuery {
        positiveIds = positiveIds == null ? List.of() : List.copyOf(positiveIds);
        positiveVectors = positiveVectors == null ? List.of() : List.copyOf(positiveVectors);
        negativeIds = negativeIds == null ? List.of() : List.copyOf(negativeIds);
        negativeVectors = negativeVectors == null ? List.of() : List.copyOf(negativeVectors);
        if (positiveIds.isEmpty() && positiveVectors.isEmpty()) {
            throw new IllegalArgumentException("A recommendation needs at least one positive example");
        }
    }

    /**
     * The direction to rank by, for a store that computes it itself: the examples as unit vectors,
     * {@code 2 avg(positives) - avg(negatives)}. Empty without a positive example, or when the
     * examples cancel out and leave no direction to look in.
     */
    public static Optional<float[]> target(List<float[]> positives, List<float[]> negatives) {
        if (positives.isEmpty()) {
            return Optional.empty();
        }
        float[] target = new float[positives.get(0).length];
        positives.forEach(v -> Vectors.addScaled(target, Vectors.normalized(v), 2.0 / positives.size()));
        negatives.forEach(v -> Vectors.addScaled(target, Vectors.normalized(v), -1.0 / negatives.size()));
        return Vectors.norm(target) < 1e-6 ? Optional.empty() : Optional.of(Vectors.normalized(target));
    }
}

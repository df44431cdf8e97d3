package org.wavelength.core.port;

import java.util.List;

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
}

package org.wavelength.core.port;

import java.time.Instant;
import java.util.List;
import org.wavelength.core.domain.ItemKind;

/**
 * A vector and the payload the index filters on. {@code id} is deterministic
 * ({@link PointIds}) so that writing the same item twice replaces it.
 */
public record VectorPoint(
        String id,
        ItemKind kind,
        long entityId,
        Long podcastId,
        String language,
        List<String> categories,
        boolean explicit,
        Integer durationSeconds,
        Instant publishedAt,
        float[] vector) {

    public VectorPoint {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}

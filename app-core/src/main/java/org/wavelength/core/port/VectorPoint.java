package org.wavelength.core.port;

import java.time.Instant;
import java.util.List;
import org.wavelength.core.domain.ItemKind;

/**
 * A vector and the payload the index filters on. {@code id} is deterministic ({@link PointIds}) so
 * that writing the same item twice replaces it. {@code episodeId}, {@code start} and {@code end} are
 * set for passages; {@code text} is what keyword (BM25) search reads, where the store supports it.
 */
public record VectorPoint(
        String id,
        ItemKind kind,
        long entityId,
        Long podcastId,
        Long episodeId,
        String language,
        List<String> categories,
        boolean explicit,
        Integer durationSeconds,
        Instant publishedAt,
        Double start,
        Double end,
        String text,
        float[] vector) {

    public VectorPoint {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}

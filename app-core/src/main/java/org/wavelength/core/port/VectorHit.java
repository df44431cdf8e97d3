package org.wavelength.core.port;

import org.wavelength.core.domain.ItemKind;

/**
 * A search result: which item, and its score: cosine similarity in [-1, 1] for vector searches,
 * the BM25 score for keyword searches. {@code episodeId}, {@code start} and {@code end} are set for
 * passages.
 */
public record VectorHit(String id, ItemKind kind, long entityId, Long podcastId, Long episodeId, Double start,
        Double end, double score) {
}

package org.wavelength.core.port;

import org.wavelength.core.domain.ItemKind;

/** A search result: which item, and its cosine similarity to the query in [-1, 1]. */
public record VectorHit(String id, ItemKind kind, long entityId, Long podcastId, double score) {
}

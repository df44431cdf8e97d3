package org.wavelength.core.port;

/**
 * A vector and the payload the index filters on. {@code id} is deterministic ({@link PointIds}) so
 * that writing the same item twice replaces it. {@code text} is what keyword (BM25) search reads,
 * where the store supports it.
 */
public record VectorPoint(String id, PointPayload payload, String text, float[] vector) {
}

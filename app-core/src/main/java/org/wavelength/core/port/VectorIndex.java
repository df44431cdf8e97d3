package org.wavelength.core.port;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Nearest-neighbour search by cosine similarity over item vectors. An upsert that returns has been
 * made durable and is visible to the next search.
 */
public interface VectorIndex {

    void upsert(List<VectorPoint> points);

    void delete(Collection<String> pointIds);

    /** The {@code limit} points most similar to {@code vector} that pass {@code filter}, best first. */
    List<VectorHit> search(float[] vector, VectorFilter filter, int limit);

    Optional<float[]> vectorOf(String pointId);

    long count(VectorFilter filter);
}

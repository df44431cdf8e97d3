package org.wavelength.core.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorIndex;
import org.wavelength.core.port.VectorPoint;

/** Exact cosine search over a map: the reference the real indexes are held to, and a test double. */
class InMemoryVectorIndex implements VectorIndex {

    final Map<String, VectorPoint> points = new LinkedHashMap<>();
    int upsertCalls;

    @Override
    public void upsert(List<VectorPoint> batch) {
        upsertCalls++;
        batch.forEach(p -> points.put(p.id(), p));
    }

    @Override
    public void delete(Collection<String> ids) {
        ids.forEach(points::remove);
    }

    @Override
    public List<VectorHit> search(float[] vector, VectorFilter filter, int limit) {
        return points.values().stream().filter(p -> passes(p, filter))
                .map(p -> new VectorHit(p.id(), p.kind(), p.entityId(), p.podcastId(), cosine(vector, p.vector())))
                .sorted(Comparator.comparingDouble(VectorHit::score).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<float[]> vectorOf(String pointId) {
        return Optional.ofNullable(points.get(pointId)).map(VectorPoint::vector);
    }

    @Override
    public long count(VectorFilter filter) {
        return points.values().stream().filter(p -> passes(p, filter)).count();
    }

    private static boolean passes(VectorPoint p, VectorFilter filter) {
        return (filter.kind() == null || filter.kind() == p.kind())
                && (filter.language() == null || filter.language().equals(p.language()))
                && !filter.excludedIds().contains(p.id());
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}

package org.wavelength.core.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.core.port.VectorStore;

/** Exact cosine search over maps: a test double of the vector store. */
class InMemoryVectorStore implements VectorStore {

    final Map<String, Map<String, VectorPoint>> collections = new ConcurrentHashMap<>();
    final Map<String, Integer> dimensions = new ConcurrentHashMap<>();
    final Map<String, String> aliases = new ConcurrentHashMap<>();
    final List<String> upserts = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Whether {@link #keyword} answers; off by default, like a store without BM25. */
    /** Off: a store without BM25 (as Qdrant), which keyword search returns nothing from. */
    boolean keywordSearch = true;

    @Override
    public void createCollection(String collection, int dimension) {
        collections.putIfAbsent(collection, new ConcurrentHashMap<>());
        dimensions.putIfAbsent(collection, dimension);
    }

    @Override
    public void dropCollection(String collection) {
        if (aliases.containsValue(collection)) {
            throw new IllegalStateException(collection + " is aliased");
        }
        collections.remove(collection);
    }

    @Override
    public List<String> collections() {
        return List.copyOf(collections.keySet());
    }

    @Override
    public void setAlias(String alias, String collection) {
        aliases.put(alias, collection);
    }

    @Override
    public Optional<String> resolveAlias(String alias) {
        return Optional.ofNullable(aliases.get(alias));
    }

    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        Map<String, VectorPoint> target = collection(collection);
        for (VectorPoint p : points) {
            if (p.vector().length != dimensions.get(collection)) {
                throw new IllegalArgumentException("dimension " + p.vector().length + " into " + collection);
            }
            target.put(p.id(), p);
        }
        upserts.add(collection);
    }

    @Override
    public void delete(String collection, Collection<String> pointIds) {
        pointIds.forEach(collection(collection)::remove);
    }

    @Override
    public List<VectorHit> search(String name, VectorQuery query) {
        Map<Long, Integer> perPodcast = new HashMap<>();
        return collection(name).values().stream().filter(p -> passes(p, query.filter()))
                .map(p -> hit(p, Vectors.cosine(query.vector(), p.vector())))
                .sorted(Comparator.comparingDouble(VectorHit::score).reversed())
                .filter(h -> query.maxPerPodcast() == null
                        || perPodcast.merge(h.podcastId(), 1, Integer::sum) <= query.maxPerPodcast())
                .limit(query.limit()).toList();
    }

    @Override
    public List<VectorHit> recommend(String name, RecommendQuery query) {
        List<float[]> positives = new ArrayList<>(query.positiveVectors());
        query.positiveIds().forEach(id -> vectorOf(name, id).ifPresent(positives::add));
        List<float[]> negatives = new ArrayList<>(query.negativeVectors());
        query.negativeIds().forEach(id -> vectorOf(name, id).ifPresent(negatives::add));
        float[] target = average(positives);
        if (!negatives.isEmpty()) {
            float[] away = average(negatives);
            for (int i = 0; i < target.length; i++) {
                target[i] = 2 * target[i] - away[i];
            }
        }
        VectorFilter filter = query.filter().excludingAll(query.positiveIds()).excludingAll(query.negativeIds());
        VectorQuery search = new VectorQuery(target, filter, query.limit(), query.maxPerPodcast());
        return search(name, search);
    }

    private static float[] average(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i] / vectors.size();
            }
        }
        return sum;
    }

    /**
     * Not BM25, but ranked like it where these tests look: a point scores, for each query word its
     * text holds, the word's count times its idf (rarer words count more); ties broken by id.
     */
    @Override
    public List<VectorHit> keyword(String name, String text, VectorFilter filter, int limit) {
        if (!keywordSearch) {
            return List.of();
        }
        Collection<VectorPoint> points = collection(name).values();
        Map<String, Long> documentFrequency = new HashMap<>();
        points.forEach(p -> words(p.text()).stream().distinct().forEach(w -> documentFrequency.merge(w, 1L, Long::sum)));
        List<String> query = words(text).stream().distinct().toList();
        return points.stream().filter(p -> passes(p, filter)).map(p -> {
            List<String> held = words(p.text());
            double score = query.stream().filter(documentFrequency::containsKey)
                    .mapToDouble(w -> held.stream().filter(w::equals).count()
                            * Math.log(1 + (double) points.size() / documentFrequency.get(w)))
                    .sum();
            return hit(p, score);
        }).filter(h -> h.score() > 0)
                .sorted(Comparator.comparingDouble(VectorHit::score).reversed().thenComparing(VectorHit::id))
                .limit(limit).toList();
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList();
    }

    @Override
    public Optional<float[]> vectorOf(String name, String pointId) {
        return Optional.ofNullable(collection(name).get(pointId)).map(VectorPoint::vector);
    }

    @Override
    public Map<String, float[]> vectors(String name, VectorFilter filter, int limit) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        collection(name).values().stream().filter(p -> passes(p, filter)).limit(Math.max(limit, 0))
                .forEach(p -> vectors.put(p.id(), p.vector()));
        return vectors;
    }

    @Override
    public long count(String name, VectorFilter filter) {
        return collection(name).values().stream().filter(p -> passes(p, filter)).count();
    }

    Map<String, VectorPoint> collection(String name) {
        String resolved = aliases.getOrDefault(name, name);
        Map<String, VectorPoint> points = collections.get(resolved);
        if (points == null) {
            throw new IllegalArgumentException("No collection " + name);
        }
        return points;
    }

    private static VectorHit hit(VectorPoint point, double score) {
        PointPayload p = point.payload();
        return new VectorHit(point.id(), p.kind(), p.entityId(), p.podcastId(), p.episodeId(), p.start(), p.end(),
                score);
    }

    private static boolean passes(VectorPoint point, VectorFilter filter) {
        PointPayload p = point.payload();
        return (filter.kind() == null || filter.kind() == p.kind())
                && (filter.language() == null || filter.language().equals(p.language()))
                && (filter.podcastIds().isEmpty() || filter.podcastIds().contains(p.podcastId()))
                && (filter.categories().isEmpty() || p.categories().stream().anyMatch(filter.categories()::contains))
                && (filter.explicit() == null || filter.explicit() == p.explicit())
                && (filter.minDurationSeconds() == null
                        || (p.durationSeconds() != null && p.durationSeconds() >= filter.minDurationSeconds()))
                && (filter.maxDurationSeconds() == null
                        || (p.durationSeconds() != null && p.durationSeconds() <= filter.maxDurationSeconds()))
                && (filter.publishedAfter() == null
                        || (p.publishedAt() != null && !p.publishedAt().isBefore(filter.publishedAfter())))
                && !filter.excludedIds().contains(point.id())
                && (p.podcastId() == null || !filter.excludedPodcastIds().contains(p.podcastId()));
    }
}

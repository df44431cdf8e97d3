package org.wavelength.core.port;

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

/**
 * Exact cosine search over maps: the test double of the vector store. It passes the same
 * {@link VectorStoreContract} as the real stores, so a test that passes on it relies on nothing they
 * do not do.
 */
public class InMemoryVectorStore implements VectorStore {

    private final Map<String, Map<String, VectorPoint>> collections = new ConcurrentHashMap<>();
    private final Map<String, Integer> dimensions = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    /** The collections written to, one entry per upsert. */
    public final List<String> upserts = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Off: a store without BM25 (as Qdrant), which keyword search returns nothing from. */
    public boolean keywordSearch = true;

    @Override
    public synchronized void createCollection(String collection, int dimension) {
        Integer existing = dimensions.putIfAbsent(collection, dimension);
        if (existing != null && existing != dimension) {
            throw new IllegalArgumentException(collection + " holds " + existing + " dimensions, not " + dimension);
        }
        collections.putIfAbsent(collection, new ConcurrentHashMap<>());
    }

    @Override
    public synchronized void dropCollection(String collection) {
        if (aliases.containsValue(collection)) {
            throw new IllegalStateException(collection + " is aliased");
        }
        collections.remove(collection);
        dimensions.remove(collection);
    }

    @Override
    public List<String> collections() {
        return List.copyOf(collections.keySet());
    }

    @Override
    public synchronized void setAlias(String alias, String collection) {
        if (!collections.containsKey(collection)) {
            throw new IllegalArgumentException("No collection " + collection);
        }
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

    /** Points without a podcast are never capped: each counts as a podcast of its own. */
    @Override
    public List<VectorHit> search(String name, VectorQuery query) {
        Collection<VectorPoint> points = collection(name).values();
        if (query.vector().length != dimensions.get(aliases.getOrDefault(name, name))) {
            throw new IllegalArgumentException("a query of " + query.vector().length + " dimensions into " + name);
        }
        Map<Long, Integer> perPodcast = new HashMap<>();
        return points.stream().filter(p -> passes(p, query.filter()))
                .map(p -> hit(p, Vectors.cosine(query.vector(), p.vector())))
                .sorted(Comparator.comparingDouble(VectorHit::score).reversed())
                .filter(h -> query.maxPerPodcast() == null || h.podcastId() == null
                        || perPodcast.merge(h.podcastId(), 1, Integer::sum) <= query.maxPerPodcast())
                .limit(Math.max(query.limit(), 0)).toList();
    }

    @Override
    public List<VectorHit> recommend(String name, RecommendQuery query) {
        List<float[]> positives = new ArrayList<>(query.positiveVectors());
        query.positiveIds().forEach(id -> vectorOf(name, id).ifPresent(positives::add));
        List<float[]> negatives = new ArrayList<>(query.negativeVectors());
        query.negativeIds().forEach(id -> vectorOf(name, id).ifPresent(negatives::add));
        VectorFilter filter = query.filter().excludingAll(query.positiveIds()).excludingAll(query.negativeIds());
        return RecommendQuery.target(positives, negatives)
                .map(target -> search(name, new VectorQuery(target, filter, query.limit(), query.maxPerPodcast())))
                .orElse(List.of());
    }

    /**
     * Not BM25, but ranked like it where these tests look: a point scores, for each query word its
     * text holds, the word's count times its idf (rarer words count more); ties broken by id. Coverage
     * and typos as {@link KeywordHit} and {@link KeywordQuery} say, on words split at anything but
     * letters and digits.
     */
    @Override
    public boolean searchesKeywords() {
        return keywordSearch;
    }

    @Override
    public List<KeywordHit> keyword(String name, KeywordQuery query) {
        if (!keywordSearch) {
            return List.of();
        }
        Collection<VectorPoint> points = collection(name).values();
        Map<String, Long> documentFrequency = new HashMap<>();
        points.forEach(p -> words(p.text()).stream().distinct().forEach(w -> documentFrequency.merge(w, 1L, Long::sum)));
        // Each query word and the words of the collection that stand for it: itself, or its near spellings.
        Map<String, List<String>> standsFor = new LinkedHashMap<>();
        for (String word : words(query.text()).stream().distinct().toList()) {
            List<String> near = !documentFrequency.containsKey(word) && query.typos() && word.length() >= 4
                    ? documentFrequency.keySet().stream().filter(w -> oneEditAway(word, w)).sorted().toList()
                    : List.of();
            standsFor.put(word, near.isEmpty() ? List.of(word) : near);
        }
        int n = points.size();
        Map<String, Double> weight = new HashMap<>();
        standsFor.forEach((word, forms) -> weight.put(word, forms.stream()
                .mapToDouble(f -> idf(n, documentFrequency.getOrDefault(f, 0L))).min().orElse(0)));
        double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> queryWords = List.copyOf(standsFor.keySet());
        double[] weights = queryWords.stream().mapToDouble(weight::get).toArray();
        List<KeywordHit> hits = new ArrayList<>();
        for (VectorPoint point : points) {
            if (!passes(point, query.filter())) {
                continue;
            }
            List<String> held = words(point.text());
            double score = 0;
            double covered = 0;
            List<String> matched = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            List<Integer> terms = new ArrayList<>();
            for (int t = 0; t < queryWords.size(); t++) {
                boolean found = false;
                for (String form : standsFor.get(queryWords.get(t))) {
                    long count = held.stream().filter(form::equals).count();
                    if (count > 0) {
                        score += count * Math.log(1 + (double) n / documentFrequency.get(form));
                        matched.add(form);
                        found = true;
                        for (int at = 0; at < held.size(); at++) {
                            if (held.get(at).equals(form)) {
                                positions.add(at);
                                terms.add(t);
                            }
                        }
                    }
                }
                covered += found ? weights[t] : 0;
            }
            if (score > 0) {
                double coverage = Math.min(1, covered / total);
                double near = KeywordHit.nearWeight(positions.stream().mapToInt(Integer::intValue).toArray(),
                        terms.stream().mapToInt(Integer::intValue).toArray(), weights) / total;
                hits.add(new KeywordHit(hit(point, score), matched, coverage, Math.min(coverage, near)));
            }
        }
        return hits.stream().sorted(Comparator.comparingDouble((KeywordHit h) -> h.hit().score()).reversed()
                .thenComparing(h -> h.hit().id())).limit(Math.max(query.limit(), 0)).toList();
    }

    /** BM25's inverse document frequency. */
    private static double idf(int points, long frequency) {
        return Math.log(1 + (points - frequency + 0.5) / (frequency + 0.5));
    }

    /** One letter left out, added, changed, or two neighbours swapped; the first letter the same. */
    static boolean oneEditAway(String typed, String word) {
        if (typed.equals(word) || typed.isEmpty() || word.isEmpty() || typed.charAt(0) != word.charAt(0)
                || Math.abs(typed.length() - word.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(typed.length(), word.length()) && typed.charAt(i) == word.charAt(i)) {
            i++;
        }
        String a = typed.substring(i);
        String b = word.substring(i);
        return a.substring(Math.min(1, a.length())).equals(b.substring(Math.min(1, b.length()))) // changed
                || a.equals(b.substring(1)) || b.equals(a.substring(1)) // added, left out
                || (a.length() >= 2 && b.length() >= 2 && a.charAt(0) == b.charAt(1) && a.charAt(1) == b.charAt(0)
                        && a.substring(2).equals(b.substring(2))); // swapped
    }

    private static List<String> words(String text) {
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

    /** The points of a collection (or of the one an alias names), by id, for tests to look into. */
    public Map<String, VectorPoint> collection(String name) {
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
                && (filter.podcastIds().isEmpty() || (p.podcastId() != null && filter.podcastIds().contains(p.podcastId())))
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

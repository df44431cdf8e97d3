package org.wavelength.core.recommend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorQuery;

/**
 * The first stage of {@link SimilarPodcasts} for one podcast of one segment, and the smoothed vector
 * built from it. One instance serves one request: it remembers the podcast vectors it has read, so
 * that the neighbourhoods of many podcasts of the same subject (which overlap) read each vector once.
 */
final class PodcastNeighbourhoods {

    /** A podcast's candidates, best first, and the normalised keyword score of those BM25 found. */
    record Ranking(List<Scored> ranked, Map<Long, Double> keyword) {
    }

    record Scored(long id, double score) {
    }

    private final SegmentedIndex index;
    private final String segment;
    private final float[] mean;
    private final SimilarPodcasts.Tuning tuning;
    private final Map<Long, float[]> vectors = new HashMap<>();

    PodcastNeighbourhoods(SegmentedIndex index, String segment, float[] mean, SimilarPodcasts.Tuning tuning) {
        this.index = index;
        this.segment = segment;
        this.mean = mean;
        this.tuning = tuning;
    }

    /** The unit stored vector of a podcast read by this request, or null. */
    float[] vector(long podcastId) {
        return vectors.get(podcastId);
    }

    /**
     * Steps 2 to 4 of {@link SimilarPodcasts}: the {@code pool} nearest podcasts to the centred
     * query and as many by BM25 on the podcast's text, scored by their cosine to the centred query
     * plus the keyword weight times the normalised BM25 score. Three index calls (k-NN, keyword, the
     * vectors not read yet).
     */
    Ranking rank(long podcastId, float[] query, String text, int pool) {
        String pointId = PointIds.of(ItemKind.PODCAST, podcastId);
        float[] centred = centred(query, mean);
        List<VectorHit> nearest = index.search(segment,
                VectorQuery.of(centred, VectorFilter.kind(ItemKind.PODCAST).excluding(pointId), pool));
        Map<Long, Double> keyword = tuning.keywordWeight() > 0 || tuning.rescoreKeywordWeight() > 0
                ? keywordScores(podcastId, text, pool) : Map.of();
        Set<Long> ids = new LinkedHashSet<>();
        nearest.forEach(h -> ids.add(h.entityId()));
        ids.addAll(keyword.keySet());
        read(ids);
        float[] q = Vectors.normalized(centred);
        List<Scored> ranked = new ArrayList<>(ids.size());
        for (long id : ids) {
            float[] vector = vectors.get(id);
            if (vector != null) { // deleted since it was found
                ranked.add(new Scored(id, Vectors.dot(q, vector) + tuning.keywordWeight() * keyword.getOrDefault(id, 0.0)));
            }
        }
        return new Ranking(sorted(ranked), keyword);
    }

    /**
     * Step 5: {@code unit(a v + sum of w_r v_r)} over the podcast's first {@link SimilarPodcasts.Tuning#neighbours}
     * candidates, {@code w_r} proportional to {@code 1 / log2(r + 2)} and summing to one, {@code a} =
     * {@link SimilarPodcasts.Tuning#ownShare}. The podcast itself when it has fewer candidates than
     * that: in a catalogue of a handful, every neighbourhood is the whole catalogue (the query among
     * them), and smoothing would make everything alike.
     */
    float[] smoothed(float[] own, Ranking ranking) {
        int n = tuning.neighbours();
        if (n == 0 || ranking.ranked().size() < n) {
            return own;
        }
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += rankWeight(r);
        }
        float[] sum = new float[own.length];
        Vectors.addScaled(sum, own, tuning.ownShare());
        for (int r = 0; r < n; r++) {
            Vectors.addScaled(sum, vectors.get(ranking.ranked().get(r).id()), rankWeight(r) / total);
        }
        return Vectors.normalized(sum);
    }

    static double rankWeight(int rank) {
        return 1 / (Math.log(rank + 2) / Math.log(2));
    }

    /** Reads, in one call, the vectors of those podcasts this request has not read yet. */
    void read(Collection<Long> ids) {
        Set<Long> missing = new LinkedHashSet<>();
        ids.forEach(id -> {
            if (!vectors.containsKey(id)) {
                missing.add(id);
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        Map<String, float[]> stored = index.vectors(segment, VectorFilter.kind(ItemKind.PODCAST).withPodcasts(missing),
                missing.size());
        for (long id : missing) {
            float[] vector = stored.get(PointIds.of(ItemKind.PODCAST, id));
            if (vector != null) {
                vectors.put(id, Vectors.normalized(vector));
            }
        }
    }

    /** BM25 scores of other podcasts for this podcast's indexed text, divided by its own (the best possible). */
    private Map<Long, Double> keywordScores(long podcastId, String text, int limit) {
        List<VectorHit> hits = index.keyword(segment, text, VectorFilter.kind(ItemKind.PODCAST), limit + 1);
        double best = hits.stream().filter(h -> h.entityId() == podcastId).mapToDouble(VectorHit::score)
                .findFirst().orElseGet(() -> hits.stream().mapToDouble(VectorHit::score).max().orElse(0));
        if (best <= 0) {
            return Map.of();
        }
        Map<Long, Double> scores = new HashMap<>();
        for (VectorHit hit : hits) {
            if (hit.entityId() != podcastId && hit.score() > 0 && scores.size() < limit) {
                scores.put(hit.entityId(), Math.min(1.0, hit.score() / best));
            }
        }
        return scores;
    }

    static List<Scored> sorted(List<Scored> scored) {
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::id));
        return scored;
    }

    /** {@code query - mean}, or the query itself without a mean (or if they coincide). */
    static float[] centred(float[] query, float[] mean) {
        if (mean == null) {
            return query;
        }
        float[] centred = query.clone();
        Vectors.addScaled(centred, mean, -1);
        return Vectors.norm(centred) < 1e-6 ? query : centred;
    }
}

package org.wavelength.core.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.index.ReciprocalRankFusion;

/** How the strategies' lists become one: fused by rank, fresh episodes lifted, then diversified. */
final class Blend {

    private final Recommendations.Settings settings;

    Blend(Recommendations.Settings settings) {
        this.settings = settings;
    }

    /**
     * Weighted {@link ReciprocalRankFusion}: each list adds {@code weight / (k + rank)}; scores of
     * different strategies are not comparable, ranks are. The reason kept is that of the list that
     * added most, except that a followed show's new episode always says so. Then fresh episodes get
     * up to {@code freshnessBoost} more.
     */
    List<Candidate> fuse(Map<Strategy, List<Candidate>> lists) {
        Map<Long, Candidate> best = new LinkedHashMap<>();
        Map<Long, Double> fused = new HashMap<>();
        Map<Long, Double> bestShare = new HashMap<>();
        lists.forEach((strategy, list) -> {
            double weight = strategy == Strategy.POPULAR || strategy == Strategy.NEW ? 1.0 : settings.weight(strategy);
            for (int rank = 0; rank < list.size(); rank++) {
                Candidate c = list.get(rank);
                double share = ReciprocalRankFusion.share(rank + 1, weight);
                fused.merge(c.episodeId(), share, Double::sum);
                // A new episode of a followed show says so: the plainest reason there is.
                double priority = strategy == Strategy.FOLLOWING ? 1 + share : share;
                if (priority > bestShare.getOrDefault(c.episodeId(), -1.0)) {
                    bestShare.put(c.episodeId(), priority);
                    Candidate previous = best.get(c.episodeId());
                    best.put(c.episodeId(), previous != null && previous.vector() != null && c.vector() == null
                            ? c.withVector(previous.vector()) : c);
                } else if (best.get(c.episodeId()).vector() == null && c.vector() != null) {
                    best.put(c.episodeId(), best.get(c.episodeId()).withVector(c.vector()));
                }
            }
        });
        List<Candidate> blended = new ArrayList<>();
        best.forEach((id, c) -> blended.add(c.withScore(fused.get(id) * (1 + settings.freshnessBoost() * c.freshness()))));
        blended.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return blended;
    }

    /**
     * Maximal marginal relevance: each next pick maximises {@code λ·relevance − (1−λ)·similarity to
     * what was picked}, with at most {@code maxPerPodcast} from one podcast, so that ten episodes are
     * not ten takes on one subject.
     */
    List<Candidate> diversify(List<Candidate> ranked, int limit) {
        if (ranked.isEmpty()) {
            return ranked;
        }
        // Fused scores are flat (1/61, 1/62, ...), so relevance is read from the rank: 1 for the
        // first, falling linearly; otherwise diversity would always win.
        Map<Candidate, Double> relevance = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            relevance.put(ranked.get(i), 1 - i / (double) ranked.size());
        }
        double lambda = settings.relevanceOverDiversity();
        List<Candidate> pool = new ArrayList<>(ranked);
        List<Candidate> chosen = new ArrayList<>();
        Map<Long, Integer> perPodcast = new HashMap<>();
        while (chosen.size() < limit && !pool.isEmpty()) {
            Candidate pick = null;
            double pickValue = Double.NEGATIVE_INFINITY;
            for (Candidate c : pool) {
                if (perPodcast.getOrDefault(c.podcastId(), 0) >= settings.maxPerPodcast()) {
                    continue;
                }
                double redundancy = 0;
                for (Candidate s : chosen) {
                    if (c.vector() != null && s.vector() != null) {
                        redundancy = Math.max(redundancy, Vectors.cosine(c.vector(), s.vector()));
                    }
                }
                double value = lambda * relevance.get(c) - (1 - lambda) * redundancy;
                if (value > pickValue) {
                    pickValue = value;
                    pick = c;
                }
            }
            if (pick == null) {
                break; // only podcasts already at their cap are left
            }
            pool.remove(pick);
            chosen.add(pick);
            perPodcast.merge(pick.podcastId(), 1, Integer::sum);
        }
        return chosen;
    }
}

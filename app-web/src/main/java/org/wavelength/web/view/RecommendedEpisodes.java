package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.EpisodeRecommendation;

/** Episodes for a listener, each with its score, its reason and the strategy that found it. */
public record RecommendedEpisodes(List<Item> items) {

    public static RecommendedEpisodes of(List<EpisodeRecommendation> found) {
        return new RecommendedEpisodes(found.stream().map(Item::of).toList());
    }

    public record Item(String strategy, double score, String reason, EpisodeView episode, PodcastView podcast) {
        static Item of(EpisodeRecommendation r) {
            return new Item(r.strategy().apiName(), r.score(), r.reason().text(), EpisodeView.of(r.episode()),
                    PodcastView.of(r.podcast()));
        }
    }
}

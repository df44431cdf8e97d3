package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.Recommendation;

/** Episodes similar to one, most similar first, with their podcasts and a reason each. */
public record SimilarEpisodesView(List<Item> items) {

    public static SimilarEpisodesView of(List<Recommendation<EpisodeItem>> similar) {
        return new SimilarEpisodesView(similar.stream().map(r -> new Item(EpisodeView.of(r.item().episode()),
                PodcastView.of(r.item().podcast()), r.score(), r.reason().text())).toList());
    }

    public record Item(EpisodeView episode, PodcastView podcast, double score, String reason) {
    }
}

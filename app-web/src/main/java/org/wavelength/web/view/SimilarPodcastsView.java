package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;

/** Podcasts similar to one, most similar first, with a reason each. */
public record SimilarPodcastsView(List<Item> items) {

    public static SimilarPodcastsView of(List<Recommendation<Podcast>> similar) {
        return new SimilarPodcastsView(similar.stream()
                .map(r -> new Item(PodcastView.of(r.item()), r.score(), r.reason().text())).toList());
    }

    public record Item(PodcastView podcast, double score, String reason) {
    }
}

package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.EpisodeItem;

/** Episodes from several podcasts, each with its podcast, in the order the address says. */
public record EpisodeItemsView(List<Item> items) {

    public static EpisodeItemsView of(List<EpisodeItem> items) {
        return new EpisodeItemsView(items.stream()
                .map(item -> new Item(EpisodeView.of(item.episode()), PodcastView.of(item.podcast()))).toList());
    }

    public record Item(EpisodeView episode, PodcastView podcast) {
    }
}

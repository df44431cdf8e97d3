package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.PodrollItem;

/** The shows a podcast's makers recommend (podcast:podroll), in their order; {@code podcast} is null for one not in the catalogue. */
public record PodrollView(List<Item> items) {

    public static PodrollView of(List<PodrollItem> podroll) {
        return new PodrollView(podroll.stream().map(item -> new Item(item.feedGuid(), item.feedUrl(),
                item.podcast() == null ? null : PodcastView.of(item.podcast()))).toList());
    }

    public record Item(String feedGuid, String feedUrl, PodcastView podcast) {
    }
}

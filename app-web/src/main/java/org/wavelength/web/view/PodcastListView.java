package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.Podcast;

/** Podcasts in the order the address says (a category's or a language's: the most listened to first). */
public record PodcastListView(List<PodcastView> items) {

    public static PodcastListView of(List<Podcast> podcasts) {
        return new PodcastListView(podcasts.stream().map(PodcastView::of).toList());
    }
}

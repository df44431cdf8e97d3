package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.Episode;

/** A podcast's episodes, newest first. */
public record EpisodeListView(List<EpisodeView> items) {

    public static EpisodeListView of(List<Episode> episodes) {
        return new EpisodeListView(episodes.stream().map(EpisodeView::of).toList());
    }
}

package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.Podcast;

/** A podcast as the JSON API shows it. */
public record PodcastView(long id, String title, String author, String description, String language,
        List<String> categories, String imageUrl, int episodeCount, String feedUrl) {

    public static PodcastView of(Podcast p) {
        return new PodcastView(p.id(), p.title(), p.author(), p.description(), p.language(), p.categories(),
                p.imageUrl(), p.episodeCount(), p.feedUrl());
    }
}

package org.wavelength.core.domain;

import java.util.List;

/** A show as the catalogue knows it, built from its feed. */
public record Podcast(
        long id,
        long feedId,
        String feedUrl,
        String title,
        String author,
        String description,
        String language,
        List<String> categories,
        String imageUrl,
        String link,
        boolean explicit,
        int episodeCount) {

    public Podcast {
        categories = categories == null ? List.of() : List.copyOf(categories);
        imageUrl = WebAddress.orNull(imageUrl);
        link = WebAddress.orNull(link);
    }
}

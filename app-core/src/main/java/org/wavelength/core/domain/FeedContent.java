package org.wavelength.core.domain;

import java.time.Instant;
import java.util.List;

/** What one fetch of a feed said: the show and its episodes, before they get catalogue ids. */
public record FeedContent(
        String title,
        String author,
        String description,
        String language,
        List<String> categories,
        String imageUrl,
        String link,
        boolean explicit,
        List<Item> items) {

    public FeedContent {
        categories = categories == null ? List.of() : List.copyOf(categories);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One episode of the feed; {@code guid} is never blank (see the parser's fallbacks). */
    public record Item(
            String guid,
            String title,
            String description,
            String audioUrl,
            Instant publishedAt,
            Integer durationSeconds,
            String link) {
    }
}

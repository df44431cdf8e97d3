package org.wavelength.ingest.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedContent;

/**
 * The per-feed item cap: a feed that lists more than {@code max} items keeps its newest (undated items
 * after dated ones, then in the feed's order), in the feed's order. Pure.
 */
record NewestItems(FeedContent content, Feed.ItemCap cap) {

    static NewestItems of(FeedContent content, int max) {
        List<FeedContent.Item> items = content.items();
        if (max <= 0 || items.size() <= max) {
            return new NewestItems(content, null);
        }
        Comparator<Integer> newestFirst = Comparator.comparing((Integer i) -> items.get(i).publishedAt(),
                Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(i -> i);
        List<FeedContent.Item> kept = IntStream.range(0, items.size()).boxed().sorted(newestFirst).limit(max).sorted()
                .map(items::get).toList();
        FeedContent capped = new FeedContent(content.title(), content.author(), content.description(), content.language(),
                content.categories(), content.imageUrl(), content.link(), content.explicit(), content.show(), kept);
        return new NewestItems(capped, new Feed.ItemCap(items.size(), max));
    }
}

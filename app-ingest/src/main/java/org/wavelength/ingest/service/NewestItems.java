package org.wavelength.ingest.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.ingest.parse.FeedParser;

/**
 * The per-feed item cap: a feed that lists more than {@code max} items keeps its newest (undated items
 * after dated ones, then in the feed's order), in the feed's order. The parser already drops the rest while
 * it reads ({@link FeedParser#parseNewest}); here the cap is noted, and applied to what any other reader gave.
 * Pure.
 */
record NewestItems(FeedContent content, Feed.ItemCap cap) {

    static NewestItems of(FeedParser.Newest parsed, int max) {
        return of(parsed.content(), parsed.itemsListed(), max);
    }

    /** {@code listed}: how many items the document had, before any reader dropped some. */
    static NewestItems of(FeedContent content, int listed, int max) {
        List<FeedContent.Item> items = content.items();
        if (max <= 0 || Math.max(listed, items.size()) <= max) {
            return new NewestItems(content, null);
        }
        if (items.size() <= max) {
            return new NewestItems(content, new Feed.ItemCap(listed, max));
        }
        Comparator<Integer> newestFirst = Comparator.comparing((Integer i) -> items.get(i).publishedAt(),
                Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(i -> i);
        List<FeedContent.Item> kept = IntStream.range(0, items.size()).boxed().sorted(newestFirst).limit(max).sorted()
                .map(items::get).toList();
        FeedContent capped = new FeedContent(content.title(), content.author(), content.description(), content.language(),
                content.categories(), content.imageUrl(), content.link(), content.explicit(), content.show(), kept);
        return new NewestItems(capped, new Feed.ItemCap(Math.max(listed, items.size()), max));
    }
}

package org.wavelength.core.port;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.wavelength.core.domain.ItemKind;

/**
 * Restricts a vector search; a null (or empty) field does not restrict. Categories match when the
 * point has any of them; durations are inclusive bounds in seconds.
 */
public record VectorFilter(
        ItemKind kind,
        String language,
        Set<Long> podcastIds,
        Set<String> categories,
        Boolean explicit,
        Integer minDurationSeconds,
        Integer maxDurationSeconds,
        Instant publishedAfter,
        Set<String> excludedIds,
        Set<Long> excludedPodcastIds) {

    public static final VectorFilter ALL = new VectorFilter(null, null, null, null, null, null, null, null, null, null);

    public VectorFilter {
        podcastIds = podcastIds == null ? Set.of() : Set.copyOf(podcastIds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        excludedIds = excludedIds == null ? Set.of() : Set.copyOf(excludedIds);
        excludedPodcastIds = excludedPodcastIds == null ? Set.of() : Set.copyOf(excludedPodcastIds);
    }

    public static VectorFilter kind(ItemKind kind) {
        return ALL.withKind(kind);
    }

    public VectorFilter withKind(ItemKind value) {
        return new VectorFilter(value, language, podcastIds, categories, explicit, minDurationSeconds,
                maxDurationSeconds, publishedAfter, excludedIds, excludedPodcastIds);
    }

    public VectorFilter withLanguage(String value) {
        return new VectorFilter(kind, value, podcastIds, categories, explicit, minDurationSeconds, maxDurationSeconds,
                publishedAfter, excludedIds, excludedPodcastIds);
    }

    public VectorFilter withPodcasts(Set<Long> value) {
        return new VectorFilter(kind, language, value, categories, explicit, minDurationSeconds, maxDurationSeconds,
                publishedAfter, excludedIds, excludedPodcastIds);
    }

    public VectorFilter withCategories(Set<String> value) {
        return new VectorFilter(kind, language, podcastIds, value, explicit, minDurationSeconds, maxDurationSeconds,
                publishedAfter, excludedIds, excludedPodcastIds);
    }

    public VectorFilter withExplicit(Boolean value) {
        return new VectorFilter(kind, language, podcastIds, categories, value, minDurationSeconds, maxDurationSeconds,
                publishedAfter, excludedIds, excludedPodcastIds);
    }

    public VectorFilter withDuration(Integer min, Integer max) {
        return new VectorFilter(kind, language, podcastIds, categories, explicit, min, max, publishedAfter, excludedIds,
                excludedPodcastIds);
    }

    public VectorFilter withPublishedAfter(Instant value) {
        return new VectorFilter(kind, language, podcastIds, categories, explicit, minDurationSeconds, maxDurationSeconds,
                value, excludedIds, excludedPodcastIds);
    }

    public VectorFilter excluding(String pointId) {
        return excludingAll(java.util.List.of(pointId));
    }

    /** One copy of the set for many ids: a listener's history excludes hundreds at once. */
    public VectorFilter excludingAll(java.util.Collection<String> pointIds) {
        Set<String> ids = new HashSet<>(excludedIds);
        ids.addAll(pointIds);
        return new VectorFilter(kind, language, podcastIds, categories, explicit, minDurationSeconds, maxDurationSeconds,
                publishedAfter, ids, excludedPodcastIds);
    }

    public VectorFilter excludingPodcasts(Set<Long> value) {
        return new VectorFilter(kind, language, podcastIds, categories, explicit, minDurationSeconds, maxDurationSeconds,
                publishedAfter, excludedIds, value);
    }
}

package org.wavelength.core.port;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wavelength.core.domain.CategoryCount;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.LanguageCount;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Segments;

/** The directory over an in-memory catalogue and interactions, as the JPA adapter answers it. */
public final class InMemoryDirectory implements DirectoryStore {

    private final Fixtures.MapCatalogue catalogue;
    private final InMemoryListeners listeners;
    /** Podcast id, then subcategory, then the category it is nested in; categories not named here are top-level. */
    public final Map<Long, Map<String, String>> parents = new HashMap<>();

    public InMemoryDirectory(Fixtures.MapCatalogue catalogue, InMemoryListeners listeners) {
        this.catalogue = catalogue;
        this.listeners = listeners;
    }

    /** Nests a podcast's category in another. */
    public InMemoryDirectory nest(long podcastId, String category, String parent) {
        parents.computeIfAbsent(podcastId, id -> new HashMap<>()).put(category, parent);
        return this;
    }

    @Override
    public List<CategoryCount> categories() {
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (Podcast p : catalogue.podcasts.values()) {
            for (String category : p.categories()) {
                String parent = parents.getOrDefault(p.id(), Map.of()).get(category);
                counts.merge(java.util.Arrays.asList(category, parent), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream().map(e -> new CategoryCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }

    @Override
    public List<LanguageCount> languages() {
        return catalogue.podcasts.values().stream().collect(Collectors.groupingBy(p -> Segments.of(p.language()),
                Collectors.counting())).entrySet().stream()
                .map(e -> new LanguageCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(LanguageCount::podcasts).reversed().thenComparing(LanguageCount::code))
                .toList();
    }

    @Override
    public List<Long> podcasts(DirectoryFilter filter, Instant since, int limit) {
        Map<Long, Set<Long>> listenersOf = new HashMap<>();
        engagedSince(since).forEach(i -> listenersOf.computeIfAbsent(i.podcastId(), id -> new HashSet<>()).add(i.userId()));
        return shelf(filter).stream()
                .sorted(Comparator.<Podcast>comparingInt(p -> listenersOf.getOrDefault(p.id(), Set.of()).size()).reversed()
                        .thenComparing(Comparator.<Podcast>comparingLong(this::episodeCount).reversed())
                        .thenComparing(p -> p.title().toLowerCase(Locale.ROOT)).thenComparingLong(Podcast::id))
                .limit(limit).map(Podcast::id).toList();
    }

    @Override
    public List<Long> popularEpisodes(DirectoryFilter filter, Instant since, int limit) {
        Set<Long> podcasts = shelf(filter).stream().map(Podcast::id).collect(Collectors.toSet());
        Map<Long, Set<Long>> listenersOf = new HashMap<>();
        engagedSince(since).filter(i -> podcasts.contains(i.podcastId()))
                .forEach(i -> listenersOf.computeIfAbsent(i.episodeId(), id -> new HashSet<>()).add(i.userId()));
        return listenersOf.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, Set<Long>>>comparingInt(e -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public List<Episode> newestEpisodes(DirectoryFilter filter, int perPodcast, int limit) {
        Set<Long> podcasts = shelf(filter).stream().map(Podcast::id).collect(Collectors.toSet());
        Map<Long, Integer> taken = new HashMap<>();
        return catalogue.episodes.values().stream()
                .filter(e -> podcasts.contains(e.podcastId()) && e.publishedAt() != null && e.goneFromFeedAt() == null)
                .sorted(Comparator.comparing(Episode::publishedAt).thenComparingLong(Episode::id).reversed())
                .filter(e -> taken.merge(e.podcastId(), 1, Integer::sum) <= perPodcast)
                .limit(limit).toList();
    }

    private List<Podcast> shelf(DirectoryFilter filter) {
        return catalogue.podcasts.values().stream()
                .filter(p -> filter.segment() == null || filter.segment().equals(Segments.of(p.language())))
                .filter(p -> filter.category() == null
                        || p.categories().stream().anyMatch(c -> c.equalsIgnoreCase(filter.category())))
                .toList();
    }

    private java.util.stream.Stream<Interaction> engagedSince(Instant since) {
        return listeners.interactions.stream().filter(i -> i.episodeId() != null
                && InMemoryListeners.ENGAGEMENT.contains(i.type()) && !i.at().isBefore(since));
    }

    private long episodeCount(Podcast podcast) {
        return catalogue.episodes.values().stream().filter(e -> e.podcastId() == podcast.id()).count();
    }
}

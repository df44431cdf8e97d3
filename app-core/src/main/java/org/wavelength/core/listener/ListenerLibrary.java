package org.wavelength.core.listener;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.Interaction.Type;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.InteractionStore;

/**
 * What a listener's history says for their own pages: what they did lately, the episodes they like
 * and the podcasts they follow. The latest word on an item decides: a like then a dislike is not a
 * like, a subscribe then an unsubscribe is not a subscription.
 */
public class ListenerLibrary {

    /** Likes and subscriptions are read from this many recent interactions. */
    static final int SCAN = 1000;

    /** One line of history: what was done (how far, for progress), when, and to which episode or podcast (either may be gone). */
    public record HistoryItem(Type type, Integer positionSeconds, java.time.Instant at, Episode episode, Podcast podcast) {
    }

    /** The newest {@code history} interactions, the liked episodes and the followed podcasts, newest first. */
    public record Library(List<HistoryItem> history, List<EpisodeItem> likes, List<Podcast> subscriptions) {
    }

    private final InteractionStore interactions;
    private final CatalogueStore catalogue;

    public ListenerLibrary(InteractionStore interactions, CatalogueStore catalogue) {
        this.interactions = interactions;
        this.catalogue = catalogue;
    }

    public Library library(long userId, int history) {
        List<Interaction> recent = interactions.recent(userId, SCAN);
        List<Interaction> shown = recent.subList(0, Math.min(history, recent.size()));
        List<Long> liked = latest(recent, Type.LIKE, Type.DISLIKE, true);
        List<Long> subscribed = latest(recent, Type.SUBSCRIBE, Type.UNSUBSCRIBE, false);

        Set<Long> episodeIds = new LinkedHashSet<>(liked);
        shown.stream().map(Interaction::episodeId).filter(id -> id != null).forEach(episodeIds::add);
        Map<Long, Episode> episodes = byId(catalogue.episodes(episodeIds), Episode::id);
        Set<Long> podcastIds = new LinkedHashSet<>(subscribed);
        shown.stream().map(Interaction::podcastId).filter(id -> id != null).forEach(podcastIds::add);
        episodes.values().forEach(e -> podcastIds.add(e.podcastId()));
        Map<Long, Podcast> podcasts = byId(catalogue.podcasts(podcastIds), Podcast::id);

        List<HistoryItem> lines = shown.stream().map(i -> new HistoryItem(i.type(), i.positionSeconds(), i.at(),
                i.episodeId() == null ? null : episodes.get(i.episodeId()),
                i.podcastId() == null ? null : podcasts.get(i.podcastId()))).toList();
        List<EpisodeItem> likes = liked.stream().map(episodes::get)
                .filter(e -> e != null && podcasts.containsKey(e.podcastId()))
                .map(e -> new EpisodeItem(e, podcasts.get(e.podcastId()))).toList();
        List<Podcast> subscriptions = subscribed.stream().map(podcasts::get).filter(p -> p != null).toList();
        return new Library(lines, likes, subscriptions);
    }

    /** Whether the listener's latest word on this podcast was SUBSCRIBE. */
    public boolean subscribed(long userId, long podcastId) {
        return latest(interactions.recent(userId, SCAN), Type.SUBSCRIBE, Type.UNSUBSCRIBE, false).contains(podcastId);
    }

    /** Items whose latest of {@code yes} and {@code no} is {@code yes}, newest first; episodes or podcasts. */
    private static List<Long> latest(List<Interaction> newestFirst, Type yes, Type no, boolean episodes) {
        Map<Long, Type> verdicts = new LinkedHashMap<>();
        for (Interaction i : newestFirst) {
            Long id = episodes ? i.episodeId() : (i.episodeId() == null ? i.podcastId() : null);
            if (id != null && (i.type() == yes || i.type() == no)) {
                verdicts.putIfAbsent(id, i.type());
            }
        }
        return verdicts.entrySet().stream().filter(e -> e.getValue() == yes).map(Map.Entry::getKey).toList();
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, HashMap::new));
    }
}

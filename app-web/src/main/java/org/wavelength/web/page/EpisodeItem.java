package org.wavelength.web.page;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.CatalogueStore;

/** An episode with its podcast, for lists that link to both. */
public record EpisodeItem(Episode episode, Podcast podcast) {

    /** The episodes with these ids, in the order given; unknown ids are left out. */
    static List<EpisodeItem> of(CatalogueStore catalogue, List<Long> ids) {
        Map<Long, Episode> episodes = catalogue.episodes(ids).stream()
                .collect(Collectors.toMap(Episode::id, Function.identity(), (a, b) -> a));
        return withPodcasts(catalogue, ids.stream().map(episodes::get).filter(e -> e != null).toList());
    }

    static List<EpisodeItem> withPodcasts(CatalogueStore catalogue, Collection<Episode> episodes) {
        Map<Long, Podcast> podcasts = new HashMap<>();
        catalogue.podcasts(episodes.stream().map(Episode::podcastId).distinct().toList())
                .forEach(p -> podcasts.put(p.id(), p));
        List<EpisodeItem> items = new ArrayList<>();
        for (Episode episode : episodes) {
            Podcast podcast = podcasts.get(episode.podcastId());
            if (podcast != null) {
                items.add(new EpisodeItem(episode, podcast));
            }
        }
        return items;
    }
}

package org.wavelength.core.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Credit;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Reason;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorQuery;

/**
 * Episodes close to a given one, from any podcast of its language, a few at most from one podcast;
 * one of another podcast with a person of this episode says so ("More with …").
 */
public class SimilarEpisodes {

    /** Without a cap, an episode's neighbours are mostly its own show's other episodes. */
    static final int MAX_PER_PODCAST = 2;

    private final CatalogueStore catalogue;
    private final SegmentedIndex index;

    public SimilarEpisodes(CatalogueStore catalogue, SegmentedIndex index) {
        this.catalogue = catalogue;
        this.index = index;
    }

    /** Most similar first, each with its podcast; empty while the episode has no vector yet. */
    public List<Recommendation<EpisodeItem>> similarTo(long episodeId, int limit) {
        Episode episode = catalogue.episodes(List.of(episodeId)).stream().findFirst()
                .orElseThrow(() -> new UnknownItemException("episode", episodeId));
        Podcast podcast = catalogue.podcast(episode.podcastId())
                .orElseThrow(() -> new UnknownItemException("podcast", episode.podcastId()));
        String pointId = PointIds.of(ItemKind.EPISODE, episodeId);
        String segment = Segments.of(podcast.language());
        Optional<float[]> vector = index.vectorOf(segment, pointId);
        if (vector.isEmpty()) {
            return List.of();
        }
        List<VectorHit> hits = index.search(segment, VectorQuery.of(vector.get(),
                VectorFilter.kind(ItemKind.EPISODE).excluding(pointId), limit).perPodcast(MAX_PER_PODCAST));
        Map<Long, EpisodeItem> byId = catalogue.episodeItems(hits.stream().map(VectorHit::entityId).toList()).stream()
                .collect(Collectors.toMap(item -> item.episode().id(), Function.identity()));
        Map<Long, Credit> sharedPeople = SharedPeople.across(catalogue, List.of(episode),
                byId.values().stream().map(EpisodeItem::episode).toList());
        List<Recommendation<EpisodeItem>> similar = new ArrayList<>(hits.size());
        for (VectorHit hit : hits) {
            EpisodeItem other = byId.get(hit.entityId());
            if (other != null) {
                Credit shared = sharedPeople.get(hit.entityId());
                Reason reason = shared != null ? Reason.of(Reason.Kind.WITH_PERSON, shared.name())
                        : other.podcast().id() == episode.podcastId() ? Reason.of(Reason.Kind.SAME_PODCAST, podcast.title())
                        : Reason.of(Reason.Kind.CLOSE_IN_SUBJECT, episode.title());
                similar.add(new Recommendation<>(other, hit.score(), reason));
            }
        }
        return similar;
    }
}

package org.wavelength.core.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorQuery;

/** Podcasts close to a given one by the cosine similarity of their vectors. */
public class SimilarPodcasts {

    private final CatalogueStore catalogue;
    private final SegmentedIndex index;

    public SimilarPodcasts(CatalogueStore catalogue, SegmentedIndex index) {
        this.catalogue = catalogue;
        this.index = index;
    }

    /**
     * Up to {@code limit} podcasts, most similar first. Empty while the podcast has no vector yet
     * (it is being ingested).
     */
    public List<Recommendation<Podcast>> similarTo(long podcastId, int limit) {
        Podcast podcast = catalogue.podcast(podcastId).orElseThrow(() -> new UnknownItemException("podcast", podcastId));
        String pointId = PointIds.of(ItemKind.PODCAST, podcastId);
        String segment = Segments.of(podcast.language());
        var vector = index.vectorOf(segment, pointId);
        if (vector.isEmpty()) {
            return List.of();
        }
        List<VectorHit> hits = index.search(segment,
                VectorQuery.of(vector.get(), VectorFilter.kind(ItemKind.PODCAST).excluding(pointId), limit));
        Map<Long, Podcast> byId = catalogue.podcasts(hits.stream().map(VectorHit::entityId).toList()).stream()
                .collect(Collectors.toMap(Podcast::id, Function.identity()));
        List<Recommendation<Podcast>> similar = new ArrayList<>(hits.size());
        for (VectorHit hit : hits) {
            Podcast other = byId.get(hit.entityId());
            if (other != null) { // deleted from the catalogue since it was indexed
                similar.add(new Recommendation<>(other, hit.score(), reason(podcast, other)));
            }
        }
        return similar;
    }

    /** A reason the listener can check on the two podcast pages. */
    static String reason(Podcast from, Podcast to) {
        List<String> shared = to.categories().stream().filter(from.categories()::contains).toList();
        if (!shared.isEmpty()) {
            return "Like " + from.title() + ", it is about " + shared.get(0);
        }
        return "Close in subject to " + from.title();
    }
}

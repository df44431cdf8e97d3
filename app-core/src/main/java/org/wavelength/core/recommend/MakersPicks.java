package org.wavelength.core.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.PodrollItem;
import org.wavelength.core.domain.Reason;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.port.CatalogueStore;

/** The shows a podcast's makers recommend (podcast:podroll) come before the ones found alike, saying so. */
final class MakersPicks {

    private MakersPicks() {
    }

    /**
     * The podroll's podcasts that are in the catalogue, in the makers' order, then the similar ones
     * that are not among them; at most {@code limit}. The picks share the best score of the list, so
     * that the scores still order it.
     */
    static List<Recommendation<Podcast>> first(CatalogueStore catalogue, Podcast podcast,
            List<Recommendation<Podcast>> similar, int limit) {
        List<Podcast> picks = catalogue.podroll(podcast.id()).stream().map(PodrollItem::podcast).filter(Objects::nonNull)
                .distinct().toList();
        if (picks.isEmpty()) {
            return similar;
        }
        double best = similar.stream().mapToDouble(Recommendation::score).max().orElse(1.0);
        Reason reason = Reason.of(Reason.Kind.RECOMMENDED_BY_MAKERS, podcast.title());
        List<Recommendation<Podcast>> result = new ArrayList<>();
        picks.forEach(pick -> result.add(new Recommendation<>(pick, best, reason)));
        Set<Long> picked = picks.stream().map(Podcast::id).collect(Collectors.toSet());
        similar.stream().filter(r -> !picked.contains(r.item().id())).forEach(result::add);
        return List.copyOf(result.subList(0, Math.min(limit, result.size())));
    }
}

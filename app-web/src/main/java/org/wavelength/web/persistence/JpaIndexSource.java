package org.wavelength.web.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.index.IndexDocuments;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.IndexSource;

/** A segment's podcasts, episodes and passages, read a podcast at a time for a rebuild. */
@ApplicationScoped
public class JpaIndexSource implements IndexSource {

    private final CatalogueStore catalogue;

    public JpaIndexSource(CatalogueStore catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    @Transactional
    public long count(String segment) {
        List<Long> podcasts = podcastIds(segment);
        if (podcasts.isEmpty()) {
            return 0;
        }
        long episodes = EpisodeEntity.count("podcastId in ?1", podcasts);
        long passages = PassageEntity.getEntityManager()
                .createQuery("select count(p) from PassageEntity p, EpisodeEntity e where p.episodeId = e.id and e.podcastId in :ids",
                        Long.class)
                .setParameter("ids", podcasts).getSingleResult();
        return podcasts.size() + episodes + passages;
    }

    @Override
    public void forEach(String segment, int batchSize, Consumer<List<IndexDocument>> batches) {
        List<IndexDocument> batch = new ArrayList<>(batchSize);
        for (long podcastId : podcastIds(segment)) {
            for (IndexDocument document : documentsOf(podcastId)) {
                batch.add(document);
                if (batch.size() == batchSize) {
                    batches.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            batches.accept(List.copyOf(batch));
        }
    }

    @Override
    @Transactional
    public Set<String> segments() {
        return PodcastEntity.getEntityManager().createQuery("select distinct p.language from PodcastEntity p", String.class)
                .getResultList().stream().map(Segments::of).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    @Transactional
    public List<Long> podcastIds(String segment) {
        return PodcastEntity.getEntityManager().createQuery("select p.id, p.language from PodcastEntity p order by p.id", Object[].class)
                .getResultList().stream()
                .filter(row -> Segments.of((String) row[1]).equals(segment))
                .map(row -> (Long) row[0]).toList();
    }

    /** One podcast's documents, read in one transaction so that they are consistent. */
    @Override
    @Transactional
    public List<IndexDocument> documentsOf(long podcastId) {
        Podcast podcast = catalogue.podcast(podcastId).orElse(null);
        if (podcast == null) {
            return List.of(); // deleted since the rebuild started
        }
        List<IndexDocument> documents = new ArrayList<>();
        documents.add(IndexDocuments.of(podcast));
        List<Episode> episodes = EpisodeEntity.<EpisodeEntity>list("podcastId", podcastId).stream()
                .map(EpisodeEntity::toDomain).toList();
        Map<Long, Episode> byId = episodes.stream().collect(Collectors.toMap(Episode::id, Function.identity()));
        episodes.forEach(e -> documents.add(IndexDocuments.of(podcast, e)));
        if (!byId.isEmpty()) {
            PassageEntity.<PassageEntity>list("episodeId in ?1", byId.keySet()).forEach(p ->
                    documents.add(IndexDocuments.of(podcast, byId.get(p.episodeId), p.toDomain())));
        }
        return documents;
    }
}

package org.wavelength.core.service;

import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorIndex;
import org.wavelength.core.port.VectorPoint;

/** Embeds what ingestion stored and writes the vectors, so new content is searchable right away. */
public class CatalogueIndexer {

    /** Texts per call to the model: large enough to use its batching, small enough to bound memory. */
    static final int BATCH = 32;

    private final Embedder embedder;
    private final VectorIndex index;

    public CatalogueIndexer(Embedder embedder, VectorIndex index) {
        this.embedder = embedder;
        this.index = index;
    }

    /** Returns how many vectors were written. */
    public int index(StoredFeed stored) {
        Podcast podcast = stored.podcast();
        index.upsert(List.of(point(podcast, embedder.embed(ItemTexts.of(podcast)))));
        int written = 1;
        List<Episode> episodes = stored.changedEpisodes();
        for (int from = 0; from < episodes.size(); from += BATCH) {
            List<Episode> batch = episodes.subList(from, Math.min(from + BATCH, episodes.size()));
            List<float[]> vectors = embedder.embedAll(batch.stream().map(e -> ItemTexts.of(podcast, e)).toList());
            List<VectorPoint> points = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                points.add(point(podcast, batch.get(i), vectors.get(i)));
            }
            index.upsert(points);
            written += points.size();
        }
        return written;
    }

    static VectorPoint point(Podcast podcast, float[] vector) {
        return new VectorPoint(PointIds.of(ItemKind.PODCAST, podcast.id()), ItemKind.PODCAST, podcast.id(),
                podcast.id(), podcast.language(), podcast.categories(), podcast.explicit(), null, null, vector);
    }

    static VectorPoint point(Podcast podcast, Episode episode, float[] vector) {
        return new VectorPoint(PointIds.of(ItemKind.EPISODE, episode.id()), ItemKind.EPISODE, episode.id(),
                podcast.id(), podcast.language(), podcast.categories(), podcast.explicit(),
                episode.durationSeconds(), episode.publishedAt(), vector);
    }
}

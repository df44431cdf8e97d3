package org.wavelength.core.service;

import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
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

    /**
     * Returns how many vectors were written. The podcast and its episodes go to the model in shared
     * batches and to the index in as few writes as the batches allow: each write is a durable commit.
     */
    public int index(StoredFeed stored) {
        Podcast podcast = stored.podcast();
        List<Episode> episodes = stored.changedEpisodes();
        List<String> texts = new ArrayList<>(episodes.size() + 1);
        texts.add(ItemTexts.of(podcast));
        episodes.forEach(e -> texts.add(ItemTexts.of(podcast, e)));
        int written = 0;
        for (int from = 0; from < texts.size(); from += BATCH) {
            int to = Math.min(from + BATCH, texts.size());
            List<float[]> vectors = embedder.embedAll(texts.subList(from, to));
            List<VectorPoint> points = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                float[] vector = vectors.get(i - from);
                points.add(i == 0 ? point(podcast, vector) : point(podcast, episodes.get(i - 1), vector));
            }
            index.upsert(points);
            written += points.size();
        }
        return written;
    }

    /** Embeds an episode's transcript passages; returns how many vectors were written. */
    public int indexPassages(Podcast podcast, Episode episode, List<Passage> passages) {
        int written = 0;
        for (int from = 0; from < passages.size(); from += BATCH) {
            List<Passage> batch = passages.subList(from, Math.min(from + BATCH, passages.size()));
            List<float[]> vectors = embedder.embedAll(batch.stream().map(Passage::text).toList());
            List<VectorPoint> points = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Passage passage = batch.get(i);
                points.add(new VectorPoint(PointIds.of(ItemKind.PASSAGE, passage.id()), ItemKind.PASSAGE, passage.id(),
                        podcast.id(), podcast.language(), podcast.categories(), podcast.explicit(),
                        episode.durationSeconds(), episode.publishedAt(), vectors.get(i)));
            }
            index.upsert(points);
            written += points.size();
        }
        return written;
    }

    /** Drops the vectors of passages an episode no longer has (its transcript was replaced). */
    public void removePassages(List<Passage> passages) {
        index.delete(passages.stream().map(p -> PointIds.of(ItemKind.PASSAGE, p.id())).toList());
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

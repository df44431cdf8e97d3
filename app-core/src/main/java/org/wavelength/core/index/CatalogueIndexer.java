package org.wavelength.core.index;

import java.util.List;
import java.util.stream.IntStream;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.PointIds;

/** Turns what ingestion stored into index documents, so that new content becomes searchable. */
public class CatalogueIndexer {

    /** Documents per write: large enough to use the model's batching, small enough to bound memory. */
    static final int BATCH = 64;

    private final IndexWrites writes;

    public CatalogueIndexer(IndexWrites writes) {
        this.writes = writes;
    }

    /** The podcast and its new or changed episodes; returns how many documents were submitted. */
    public int index(StoredFeed stored) {
        Podcast podcast = stored.podcast();
        List<Episode> episodes = stored.changedEpisodes();
        int total = episodes.size() + 1; // the podcast first, then its episodes
        // A batch of documents at a time: their texts are built as they are embedded, not all at once.
        for (int from = 0; from < total; from += BATCH) {
            writes.submit(IntStream.range(from, Math.min(from + BATCH, total))
                    .mapToObj(i -> i == 0 ? IndexDocuments.of(podcast) : IndexDocuments.of(podcast, episodes.get(i - 1)))
                    .toList());
        }
        return total;
    }

    /** An episode's transcript passages; returns how many documents were submitted. */
    public int indexPassages(Podcast podcast, Episode episode, List<Passage> passages) {
        return submit(passages.stream().map(p -> IndexDocuments.of(podcast, episode, p)).toList());
    }

    /** Drops the vectors of passages an episode no longer has (its transcript was replaced). */
    public void removePassages(Podcast podcast, List<Passage> passages) {
        writes.flush(); // a buffered write of these passages must not land after their removal
        writes.index().delete(Segments.of(podcast.language()),
                passages.stream().map(p -> PointIds.of(ItemKind.PASSAGE, p.id())).toList());
    }

    private int submit(List<IndexDocument> documents) {
        for (int from = 0; from < documents.size(); from += BATCH) {
            writes.submit(documents.subList(from, Math.min(from + BATCH, documents.size())));
        }
        return documents.size();
    }
}

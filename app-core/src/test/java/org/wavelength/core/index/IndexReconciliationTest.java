package org.wavelength.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.IndexSource;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorPoint;

/**
 * After a crash between the database commit and the index write, the store and the index disagree: a
 * podcast of 61 episodes listed but not searchable, 730 episodes stored and 380 indexed (issue 14).
 * The reconciliation makes them agree again, by point id.
 */
class IndexReconciliationTest {

    InMemoryVectorStore store = new InMemoryVectorStore();
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(new Fixtures.TableEmbedder("mini", 3)));
    Database database = new Database();
    IndexReconciliation reconciliation = new IndexReconciliation(index, database);

    /** The catalogue as rows: each podcast's documents, as the JPA source reads them. */
    static final class Database implements IndexSource {
        final Map<Long, Podcast> podcasts = new LinkedHashMap<>();
        final Map<Long, List<IndexDocument>> documents = new LinkedHashMap<>();

        /** Stores a podcast with episodes {@code firstEpisode..} and one passage of its first episode. */
        List<IndexDocument> store(long podcastId, String language, int episodes, long firstEpisode) {
            Podcast podcast = new Podcast(podcastId, podcastId, "https://example.com/" + podcastId, "Show " + podcastId,
                    "Author", "About", language, List.of("News"), null, null, false, episodes);
            List<IndexDocument> rows = new ArrayList<>();
            rows.add(IndexDocuments.of(podcast));
            for (long e = firstEpisode; e < firstEpisode + episodes; e++) {
                Episode episode = Fixtures.episode(e, podcastId, "Episode " + e);
                rows.add(IndexDocuments.of(podcast, episode));
                if (e == firstEpisode) {
                    rows.add(IndexDocuments.of(podcast, episode, new Passage(e, e, 0, 0, 30, null, "Passage of " + e)));
                }
            }
            podcasts.put(podcastId, podcast);
            documents.put(podcastId, rows);
            return rows;
        }

        List<IndexDocument> all() {
            return documents.values().stream().flatMap(List::stream).toList();
        }

        @Override
        public long count(String segment) {
            return forSegment(segment).size();
        }

        @Override
        public void forEach(String segment, int batchSize, Consumer<List<IndexDocument>> batches) {
            batches.accept(forSegment(segment));
        }

        private List<IndexDocument> forSegment(String segment) {
            return podcastIds(segment).stream().flatMap(id -> documents.get(id).stream()).toList();
        }

        @Override
        public Set<String> segments() {
            return podcasts.values().stream().map(p -> Segments.of(p.language())).collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        public List<Long> podcastIds(String segment) {
            return podcasts.values().stream().filter(p -> Segments.of(p.language()).equals(segment)).map(Podcast::id).toList();
        }

        @Override
        public List<IndexDocument> documentsOf(long podcastId) {
            return documents.getOrDefault(podcastId, List.of());
        }
    }

    @Test
    void rowsThatNeverReachedTheIndexAreWrittenAndVectorsWithoutARowAreDeleted() {
        database.store(1, "en", 61, 1_000); // the crash came before any of it was indexed
        List<IndexDocument> halfIndexed = database.store(2, "en", 730, 2_000);
        index.write(halfIndexed.subList(0, 380));
        List<IndexDocument> complete = database.store(3, "de", 20, 3_000);
        index.write(complete);
        // An episode whose row is gone, a podcast the database no longer has, and a podcast that moved from de to en.
        index.write(List.of(IndexDocuments.of(database.podcasts.get(3L), Fixtures.episode(3_999, 3, "Removed"))));
        Database gone = new Database();
        index.write(gone.store(9, "en", 5, 9_000));
        Database before = new Database();
        index.write(before.store(4, "de", 3, 4_000));
        database.store(4, "en", 3, 4_000);
        index.write(database.documentsOf(4));
        String listener = PointIds.of(ItemKind.USER, 7);
        store.upsert(index.serving("en").orElseThrow(), List.of(new VectorPoint(listener,
                new PointPayload(ItemKind.USER, 7, null, null, "en", List.of(), false, null, null, null, null), "", new float[] {1, 0, 0})));
        assertThat(disagreements()).as("before: stored and indexed differ").isNotEmpty();

        IndexReconciliation.Result result = reconciliation.reconcile();

        System.out.printf("Reconciled: %d podcasts compared, %d documents written, %d vectors deleted%n",
                result.podcasts(), result.written(), result.deleted());
        assertThat(disagreements()).isEmpty();
        // Each podcast is itself, its episodes and one passage.
        assertThat(result.written()).isEqualTo((1 + 61 + 1) + (1 + 730 + 1 - 380));
        assertThat(result.deleted()).as("the removed episode, podcast 9, podcast 4 in de").isEqualTo(1 + (1 + 5 + 1) + (1 + 3 + 1));
        assertThat(store.collection(index.serving("en").orElseThrow())).containsKey(listener);
        assertThat(reconciliation.reconcile().changedAnything()).as("a second run finds nothing to do").isFalse();
    }

    @Test
    void aSegmentWithoutAnyPodcastLeftLosesItsCatalogueVectors() {
        Database moved = new Database();
        index.write(moved.store(5, "fr", 2, 5_000));

        reconciliation.reconcile();

        assertThat(index.count("fr", org.wavelength.core.port.VectorFilter.ALL)).isZero();
    }

    /**
     * What is wrong: rows not served by their segment's collection, points of the collections that no
     * row stands for, and points counted twice.
     */
    private List<String> disagreements() {
        List<String> wrong = new ArrayList<>();
        Map<String, Set<String>> rowsBySegment = new LinkedHashMap<>();
        for (IndexDocument row : database.all()) {
            String segment = Segments.of(row.payload().language());
            rowsBySegment.computeIfAbsent(segment, s -> new TreeSet<>()).add(row.pointId());
            if (index.vectorOf(segment, row.pointId()).isEmpty()) {
                wrong.add("not indexed: " + row.payload().kind() + " " + row.payload().entityId());
            }
        }
        for (String segment : index.segments()) {
            Map<String, VectorPoint> points = store.collection(index.serving(segment).orElseThrow());
            Set<String> rows = rowsBySegment.getOrDefault(segment, Set.of());
            points.values().stream().filter(p -> p.payload().kind() != ItemKind.USER && !rows.contains(p.id()))
                    .forEach(p -> wrong.add("no row: " + segment + " " + p.payload().kind() + " " + p.payload().entityId()));
            long catalogue = points.values().stream().filter(p -> p.payload().kind() != ItemKind.USER).count();
            if (catalogue > rows.size()) {
                wrong.add("more vectors than rows in " + segment);
            }
        }
        return wrong;
    }
}

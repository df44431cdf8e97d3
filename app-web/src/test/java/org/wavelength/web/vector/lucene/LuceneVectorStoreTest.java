package org.wavelength.web.vector.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;

/** What is particular to the embedded Lucene store: durability, restarts, concurrency, BM25, its errors. */
class LuceneVectorStoreTest {

    static final float[] X = {1, 0, 0, 0};

    @TempDir
    Path folder;

    static VectorPoint podcast(long id, String text, float... vector) {
        return new VectorPoint(PointIds.of(ItemKind.PODCAST, id), new PointPayload(ItemKind.PODCAST, id, id, null, "en",
                List.of("Technology"), false, null, null, null, null), text, vector);
    }

    static VectorPoint podcast(long id, float... vector) {
        return podcast(id, null, vector);
    }

    static List<Long> entityIds(List<VectorHit> hits) {
        return hits.stream().map(VectorHit::entityId).toList();
    }

    /** What a restart after a crash finds: the files on disk now, without the writers' locks. */
    static Path copyAsAfterACrash(Path live, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(live)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(live.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    @Test
    void aCrashLosesNoAcknowledgedWrite() throws IOException {
        Path live = folder.resolve("live");
        LuceneVectorStore store = new LuceneVectorStore(live);
        store.createCollection("podcasts-1", 4);
        store.upsert("podcasts-1", List.of(podcast(1, X), podcast(2, 0, 1, 0, 0), podcast(3, 0, 0, 1, 0)));
        store.delete("podcasts-1", List.of(PointIds.of(ItemKind.PODCAST, 3)));
        store.upsert("podcasts-1", List.of(podcast(4, 0, 0, 0, 1)));
        store.setAlias("podcasts", "podcasts-1");

        // The process dies with the writers open: what is on disk is all a restart gets.
        Path afterCrash = copyAsAfterACrash(live, folder.resolve("after-crash"));
        store.close();

        try (var reopened = new LuceneVectorStore(afterCrash)) {
            assertThat(reopened.collections()).containsExactly("podcasts-1");
            assertThat(reopened.resolveAlias("podcasts")).contains("podcasts-1");
            assertThat(reopened.count("podcasts", VectorFilter.ALL)).isEqualTo(3);
            assertThat(entityIds(reopened.search("podcasts", VectorQuery.of(new float[] {0, 1, 0, 0},
                    VectorFilter.ALL, 1)))).containsExactly(2L);
            assertThat(reopened.vectorOf("podcasts", PointIds.of(ItemKind.PODCAST, 3))).isEmpty();
            assertThat(reopened.vectorOf("podcasts", PointIds.of(ItemKind.PODCAST, 4))).isPresent();
        }
    }

    @Test
    void concurrentWritersAllLandAndShareCommits() throws Exception {
        int threads = 8;
        int batchesPerThread = 10;
        int pointsPerBatch = 5;
        Path live = folder.resolve("live");
        LuceneVectorStore store = new LuceneVectorStore(live);
        store.createCollection("passages", 4);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                start.await();
                for (int b = 0; b < batchesPerThread; b++) {
                    List<VectorPoint> batch = new ArrayList<>();
                    for (int p = 0; p < pointsPerBatch; p++) {
                        long id = ((long) thread * batchesPerThread + b) * pointsPerBatch + p + 1;
                        batch.add(podcast(id, 1, thread, b, p + 1));
                    }
                    store.upsert("passages", batch);
                    // Acknowledged: visible to this very thread's next read.
                    assertThat(store.vectorOf("passages", batch.get(0).id())).isPresent();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        long expected = (long) threads * batchesPerThread * pointsPerBatch;
        assertThat(store.count("passages", VectorFilter.ALL)).isEqualTo(expected);
        long commits = store.commitCount("passages");
        System.out.printf("%d concurrent upserts ran %d commits%n", threads * batchesPerThread, commits);
        assertThat(commits).isBetween(1L, (long) threads * batchesPerThread);

        Path afterCrash = copyAsAfterACrash(live, folder.resolve("after-crash"));
        store.close();
        try (var reopened = new LuceneVectorStore(afterCrash)) {
            assertThat(reopened.count("passages", VectorFilter.ALL)).isEqualTo(expected);
        }
    }

    @Test
    void collectionsAliasesAndDimensionsSurviveARestart() throws IOException {
        try (var store = new LuceneVectorStore(folder)) {
            store.createCollection("blue", 4);
            store.createCollection("green", 4);
            store.upsert("green", List.of(podcast(7, X)));
            store.setAlias("podcasts", "blue");
            store.setAlias("podcasts", "green");
            store.setAlias("archive", "blue");
        }
        try (var store = new LuceneVectorStore(folder)) {
            assertThat(store.collections()).containsExactly("blue", "green");
            assertThat(store.resolveAlias("podcasts")).contains("green");
            assertThat(store.resolveAlias("archive")).contains("blue");
            assertThat(entityIds(store.search("podcasts", VectorQuery.of(X, VectorFilter.ALL, 5)))).containsExactly(7L);
            assertThatThrownBy(() -> store.upsert("green", List.of(podcast(8, 1, 0, 0))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4");
        }
    }

    @Test
    void keywordSearchRanksTheBetterMatchFirstUnderTheFilters() throws IOException {
        try (var store = new LuceneVectorStore(folder)) {
            store.createCollection("c", 4);
            store.upsert("c", List.of(
                    podcast(1, "A word on gardening, among talk of cars, trains, planes, boats and bicycles", X),
                    podcast(2, "Gardening: growing tomatoes, gardening tools and tomatoes in pots", X),
                    podcast(3, "Cooking with tomatoes", X),
                    podcast(4, "Football results and transfer news", X),
                    new VectorPoint(PointIds.of(ItemKind.PODCAST, 5), new PointPayload(ItemKind.PODCAST, 5, 5L, null,
                            "de", List.of(), false, null, null, null, null),
                            "Gardening tomatoes gardening tomatoes", X)));

            List<VectorHit> hits = store.keyword("c", "gardening tomatoes", VectorFilter.ALL.withLanguage("en"), 10);

            assertThat(entityIds(hits)).containsExactly(2L, 3L, 1L);
            assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
            assertThat(store.keyword("c", "GARDENING", VectorFilter.ALL.withLanguage("en"), 10))
                    .extracting(VectorHit::entityId).containsExactly(2L, 1L);
            assertThat(store.keyword("c", "  ", VectorFilter.ALL, 10)).isEmpty();
            assertThat(store.keyword("c", "tennis", VectorFilter.ALL, 10)).isEmpty();
        }
    }

    @Test
    void unknownNamesAreRejectedClearly() throws IOException {
        try (var store = new LuceneVectorStore(folder)) {
            assertThatThrownBy(() -> store.upsert("nowhere", List.of(podcast(1, X))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
            assertThatThrownBy(() -> store.setAlias("alias", "nowhere"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
            assertThatThrownBy(() -> store.createCollection("../escape", 4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.createCollection(LuceneAliases.FILE, 4))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aliasedCollectionsCannotBeDroppedAndWritesTakeCollections() throws IOException {
        try (var store = new LuceneVectorStore(folder)) {
            store.createCollection("blue", 4);
            store.createCollection("green", 4);
            store.setAlias("podcasts", "blue");

            assertThatThrownBy(() -> store.dropCollection("blue")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("podcasts");
            assertThatThrownBy(() -> store.upsert("podcasts", List.of(podcast(1, X))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias");
            assertThatThrownBy(() -> store.setAlias("green", "blue")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.createCollection("podcasts", 4)).isInstanceOf(IllegalArgumentException.class);

            store.setAlias("podcasts", "green");
            store.dropCollection("blue");
            assertThat(folder.resolve("blue")).doesNotExist();
            assertThat(store.collections()).containsExactly("green");
            store.dropCollection("blue"); // gone already: nothing to do
        }
    }

    @Test
    void rejectsVectorsCosineCannotCompare() throws IOException {
        try (var store = new LuceneVectorStore(folder)) {
            store.createCollection("c", 4);
            assertThatThrownBy(() -> store.upsert("c", List.of(podcast(1, 0, 0, 0, 0))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
            assertThatThrownBy(() -> store.upsert("c", List.of(podcast(2, X), podcast(3, Float.NaN, 0, 0, 0))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
            assertThat(store.count("c", VectorFilter.ALL)).isZero();
        }
    }

    @Test
    void recommendIgnoresUnknownExampleIds() throws IOException {
        try (var store = new LuceneVectorStore(folder)) {
            store.createCollection("c", 4);
            store.upsert("c", List.of(podcast(1, X), podcast(2, 1, 0.5f, 0, 0), podcast(3, 0, 1, 0, 0)));
            String unknown = PointIds.of(ItemKind.PODCAST, 99);

            assertThat(entityIds(store.recommend("c", new RecommendQuery(List.of(unknown, PointIds.of(ItemKind.PODCAST, 1)),
                    null, List.of(unknown), null, VectorFilter.ALL, 5, null)))).containsExactly(2L, 3L);
            assertThat(store.recommend("c", new RecommendQuery(List.of(unknown), null, null, null, VectorFilter.ALL, 5,
                    null))).isEmpty();
        }
    }

}

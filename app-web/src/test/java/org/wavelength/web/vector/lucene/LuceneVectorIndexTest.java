package org.wavelength.web.vector.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

class LuceneVectorIndexTest {

    @TempDir
    Path folder;

    static VectorPoint podcast(long id, String language, float... vector) {
        return new VectorPoint(PointIds.of(ItemKind.PODCAST, id), ItemKind.PODCAST, id, id, language, List.of("Technology"),
                false, null, null, vector);
    }

    static VectorPoint episode(long id, long podcastId, float... vector) {
        return new VectorPoint(PointIds.of(ItemKind.EPISODE, id), ItemKind.EPISODE, id, podcastId, "en", List.of(), false,
                1800, Instant.parse("2024-01-01T00:00:00Z"), vector);
    }

    @Test
    void findsTheNearestByCosineAndReportsCosine() throws IOException {
        try (var index = new LuceneVectorIndex(folder)) {
            index.upsert(List.of(podcast(1, "en", 1, 0, 0), podcast(2, "en", 0.9f, 0.1f, 0), podcast(3, "en", 0, 1, 0),
                    podcast(4, "en", -1, 0, 0)));

            List<VectorHit> hits = index.search(new float[] {1, 0, 0}, VectorFilter.kind(ItemKind.PODCAST), 3);

            assertThat(hits).extracting(VectorHit::entityId).containsExactly(1L, 2L, 3L);
            assertThat(hits.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(hits.get(2).score()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void filtersByKindLanguageAndExcludedIds() throws IOException {
        try (var index = new LuceneVectorIndex(folder)) {
            index.upsert(List.of(podcast(1, "en", 1, 0), podcast(2, "zh", 1, 0.01f), episode(10, 1, 1, 0)));

            assertThat(index.search(new float[] {1, 0}, new VectorFilter(ItemKind.PODCAST, "zh", Set.of()), 5))
                    .extracting(VectorHit::entityId).containsExactly(2L);
            assertThat(index.search(new float[] {1, 0}, VectorFilter.kind(ItemKind.EPISODE), 5))
                    .extracting(VectorHit::entityId).containsExactly(10L);
            assertThat(index.search(new float[] {1, 0},
                    VectorFilter.kind(ItemKind.PODCAST).excluding(PointIds.of(ItemKind.PODCAST, 1)), 5))
                    .extracting(VectorHit::entityId).containsExactly(2L);
        }
    }

    @Test
    void upsertingTheSameItemReplacesIt() throws IOException {
        try (var index = new LuceneVectorIndex(folder)) {
            index.upsert(List.of(podcast(1, "en", 1, 0)));
            index.upsert(List.of(podcast(1, "en", 0, 1)));

            assertThat(index.count(VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(1);
            assertThat(index.vectorOf(PointIds.of(ItemKind.PODCAST, 1))).hasValueSatisfying(
                    v -> assertThat(v).containsExactly(0f, 1f));
        }
    }

    @Test
    void deletesAndCounts() throws IOException {
        try (var index = new LuceneVectorIndex(folder)) {
            index.upsert(List.of(podcast(1, "en", 1, 0), podcast(2, "en", 0, 1), episode(3, 1, 1, 1)));
            index.delete(List.of(PointIds.of(ItemKind.PODCAST, 1)));

            assertThat(index.count(VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(1);
            assertThat(index.count(new VectorFilter(null, null, Set.of()))).isEqualTo(2);
            assertThat(index.vectorOf(PointIds.of(ItemKind.PODCAST, 1))).isEmpty();
        }
    }

    @Test
    void anAcknowledgedWriteSurvivesACrash() throws IOException {
        var index = new LuceneVectorIndex(folder.resolve("live"));
        index.upsert(List.of(podcast(1, "en", 1, 0), podcast(2, "en", 0, 1)));
        // A crash: the process dies with the writer open. What is on disk is all a restart gets.
        Path afterCrash = folder.resolve("after-crash");
        Files.createDirectories(afterCrash);
        try (Stream<Path> files = Files.list(folder.resolve("live"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(file, afterCrash.resolve(file.getFileName()));
            }
        }
        index.close();

        try (var reopened = new LuceneVectorIndex(afterCrash)) {
            assertThat(reopened.count(VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(2);
            assertThat(reopened.search(new float[] {0, 1}, VectorFilter.kind(ItemKind.PODCAST), 1))
                    .extracting(VectorHit::entityId).containsExactly(2L);
        }
    }

    @Test
    void keepsItsContentAcrossRestarts() throws IOException {
        try (var index = new LuceneVectorIndex(folder)) {
            index.upsert(List.of(podcast(7, "en", 0.3f, 0.7f)));
        }
        try (var index = new LuceneVectorIndex(folder)) {
            assertThat(index.vectorOf(PointIds.of(ItemKind.PODCAST, 7))).isPresent();
        }
    }
}

package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

/** {@link QdrantVectorIndex} against a real Qdrant. Skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class QdrantVectorIndexContainerTest {

    /** Same minor version as the io.qdrant:client in use, so the client's compatibility check stays quiet. */
    static final String IMAGE = "qdrant/qdrant:v1.18.1";

    @Container
    static final QdrantContainer QDRANT = new QdrantContainer(IMAGE);

    static QdrantClient client;

    @BeforeAll
    static void connect() {
        client = new QdrantClient(QdrantGrpcClient.newBuilder(QDRANT.getHost(), QDRANT.getGrpcPort(), false).build());
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    static VectorPoint podcast(long id, String language, float... vector) {
        return new VectorPoint(PointIds.of(ItemKind.PODCAST, id), ItemKind.PODCAST, id, id, language,
                List.of("Science"), false, null, null, vector);
    }

    static VectorPoint episode(long id, long podcastId, float... vector) {
        return new VectorPoint(PointIds.of(ItemKind.EPISODE, id), ItemKind.EPISODE, id, podcastId, "en",
                List.of("Science"), true, 1200, Instant.parse("2024-05-01T08:00:00Z"), vector);
    }

    QdrantVectorIndex freshIndex(String name) {
        QdrantVectorIndex index = new QdrantVectorIndex(client, name, 4);
        index.ensureCollection();
        return index;
    }

    @Test
    void upsertSearchFilterDeleteCount() {
        QdrantVectorIndex index = freshIndex("crud");
        index.upsert(List.of(
                podcast(1, "en", 1, 0, 0, 0),
                podcast(2, "en", 0.9f, 0.1f, 0, 0),
                podcast(3, "de", 0, 1, 0, 0),
                podcast(4, "de", 0.7f, 0.7f, 0, 0),
                episode(10, 1, 1, 0, 0, 0)));

        float[] query = {1, 0, 0, 0};
        List<VectorHit> hits = index.search(query, VectorFilter.kind(ItemKind.PODCAST), 10);
        // Episode 10 has the same vector as podcast 1 but is of another kind.
        assertThat(hits).extracting(VectorHit::entityId).containsExactly(1L, 2L, 4L, 3L);
        assertThat(hits).allSatisfy(h -> assertThat(h.kind()).isEqualTo(ItemKind.PODCAST));
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-5));
        assertThat(hits.get(0).id()).isEqualTo(PointIds.of(ItemKind.PODCAST, 1));
        assertThat(hits.get(0).podcastId()).isEqualTo(1L);
        assertThat(hits.get(3).score()).isCloseTo(0.0, within(1e-5)); // orthogonal: cosine 0

        assertThat(index.search(query, VectorFilter.kind(ItemKind.PODCAST), 2)).hasSize(2);
        assertThat(index.search(query, new VectorFilter(ItemKind.PODCAST, "de", Set.of()), 10))
                .extracting(VectorHit::entityId).containsExactly(4L, 3L);
        assertThat(index.search(query, VectorFilter.kind(ItemKind.PODCAST).excluding(PointIds.of(ItemKind.PODCAST, 1)),
                10)).extracting(VectorHit::entityId).containsExactly(2L, 4L, 3L);
        assertThat(index.search(query, VectorFilter.kind(ItemKind.EPISODE), 10))
                .extracting(VectorHit::entityId, VectorHit::podcastId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10L, 1L));

        assertThat(index.count(VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(4);
        assertThat(index.count(new VectorFilter(ItemKind.PODCAST, "de", Set.of()))).isEqualTo(2);
        assertThat(index.count(VectorFilter.kind(ItemKind.EPISODE))).isEqualTo(1);

        // Same id again replaces rather than adds.
        index.upsert(List.of(podcast(2, "en", -1, 0, 0, 0))); // now the farthest: cosine -1
        assertThat(index.count(VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(4);
        assertThat(index.search(query, VectorFilter.kind(ItemKind.PODCAST), 10))
                .extracting(VectorHit::entityId).containsExactly(1L, 4L, 3L, 2L);

        index.delete(List.of(PointIds.of(ItemKind.PODCAST, 1), PointIds.of(ItemKind.PODCAST, 99)));
        assertThat(index.count(VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(3);
        assertThat(index.search(query, VectorFilter.kind(ItemKind.PODCAST), 10))
                .extracting(VectorHit::entityId).doesNotContain(1L);
        assertThat(index.vectorOf(PointIds.of(ItemKind.PODCAST, 1))).isEmpty();
    }

    @Test
    void vectorOfReturnsTheNormalisedVector() {
        QdrantVectorIndex index = freshIndex("vectors");
        index.upsert(List.of(podcast(1, "en", 3, 4, 0, 0)));

        assertThat(index.vectorOf(PointIds.of(ItemKind.PODCAST, 1)))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(new float[] {0.6f, 0.8f, 0, 0}, within(1e-6f)));
        assertThat(index.vectorOf(PointIds.of(ItemKind.PODCAST, 2))).isEmpty();
    }

    @Test
    void ensureCollectionIsIdempotentAndRejectsAnotherDimension() {
        QdrantVectorIndex index = freshIndex("ensure");
        index.upsert(List.of(podcast(1, "en", 1, 0, 0, 0)));

        index.ensureCollection();
        assertThat(index.count(null)).isEqualTo(1);

        assertThatThrownBy(() -> new QdrantVectorIndex(client, "ensure", 8).ensureCollection())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("8");
    }
}

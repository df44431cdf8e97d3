package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.QuantizationType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.core.port.VectorStore;
import org.wavelength.web.vector.VectorStoreContract;

/** {@link QdrantVectorStore} against a real Qdrant: the shared contract plus Qdrant specifics. Skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class QdrantVectorStoreContractTest extends VectorStoreContract {

    /** Same minor version as the io.qdrant:client in use, so the client's compatibility check stays quiet. */
    static final String IMAGE = "qdrant/qdrant:v1.18.1";

    @Container
    static final QdrantContainer QDRANT = new QdrantContainer(IMAGE);

    private static final AtomicInteger NAMES = new AtomicInteger();

    static QdrantClient client;
    static QdrantVectorStore store;

    @BeforeAll
    static void connect() {
        client = QdrantVectorStore.client(QDRANT.getHost(), QDRANT.getGrpcPort(), false, Optional.empty());
        store = new QdrantVectorStore(client, Duration.ofSeconds(30), false);
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected VectorStore store() {
        return store;
    }

    @Override
    protected String newCollectionName() {
        return "contract_" + NAMES.incrementAndGet();
    }

    @Override
    protected boolean supportsKeyword() {
        return false;
    }

    // ------------------------------------------------------------------ Qdrant specifics

    @Test
    void createsAScalarQuantizedCollectionWithEveryPayloadIndex() throws Exception {
        QdrantVectorStore quantized = new QdrantVectorStore(client, Duration.ofSeconds(30), true);
        String name = newCollectionName();

        quantized.createCollection(name, DIMENSION);
        upsert(name, podcast(1).vector(1, 0, 0, 0), podcast(2).vector(0, 1, 0, 0));

        CollectionInfo info = client.getCollectionInfoAsync(name).get();
        assertThat(info.getConfig().getQuantizationConfig().getScalar().getType()).isEqualTo(QuantizationType.Int8);
        assertThat(info.getConfig().getQuantizationConfig().getScalar().getAlwaysRam()).isTrue();
        assertThat(info.getPayloadSchemaMap()).containsOnlyKeys(QdrantRequests.PAYLOAD_INDEXES.keySet());
        assertThat(search(name, X, VectorFilter.ALL, 5)).containsExactly(1L, 2L);
    }

    @Test
    void anExistingCollectionOfAnotherDimensionIsRejected() {
        String name = freshCollection();

        assertThatThrownBy(() -> store.createCollection(name, DIMENSION * 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(name)
                .hasMessageContaining(String.valueOf(DIMENSION * 2));
    }

    @Test
    void droppingAMissingCollectionDoesNothing() {
        String name = newCollectionName();

        store.dropCollection(name);

        assertThat(store.collections()).doesNotContain(name);
    }

    @Test
    void anAliasCannotPointAtAMissingCollectionAndKeepsItsTarget() {
        String blue = freshCollection();
        String alias = newCollectionName();
        store.setAlias(alias, blue);

        assertThatThrownBy(() -> store.setAlias(alias, newCollectionName()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.resolveAlias(alias)).contains(blue);
    }

    @Test
    void droppingACollectionRemovesItsAliases() {
        String blue = freshCollection();
        String alias = newCollectionName();
        store.setAlias(alias, blue);

        store.dropCollection(blue);

        assertThat(store.resolveAlias(alias)).isEmpty();
    }

    @Test
    void readsOfAnUnknownCollectionFailClearly() {
        String missing = newCollectionName();

        assertThatThrownBy(() -> store.search(missing, VectorQuery.of(X, VectorFilter.ALL, 5)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(missing);
        assertThatThrownBy(() -> store.count(missing, VectorFilter.ALL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(missing);
    }

    @Test
    void pointsWithoutPodcastAreNotLostWhenCappingPerPodcast() {
        String c = freshCollection();
        store.upsert(c, List.of(episode(11, 1).cosineToX(0.99).build(), episode(12, 1).cosineToX(0.97).build(),
                withoutPodcast(ItemKind.USER, 50, 0.98), withoutPodcast(ItemKind.USER, 51, 0.96)));

        assertThat(entityIds(store.search(c, VectorQuery.of(X, VectorFilter.ALL, 10).perPodcast(1))))
                .containsExactly(11L, 50L, 51L);
        assertThat(entityIds(store.search(c, VectorQuery.of(X, VectorFilter.ALL, 2).perPodcast(1))))
                .containsExactly(11L, 50L);
    }

    @Test
    void recommendCapsHitsPerPodcast() {
        String c = freshCollection();
        upsert(c, episode(1, 9).vector(1, 0, 0, 0),
                episode(11, 1).cosineToX(0.99), episode(12, 1).cosineToX(0.97), episode(21, 2).cosineToX(0.98));

        assertThat(entityIds(store.recommend(c, new RecommendQuery(List.of(id(ItemKind.EPISODE, 1)), null, null,
                null, VectorFilter.ALL, 10, 1)))).containsExactly(11L, 21L);
    }

    @Test
    void keywordSearchIsAlwaysEmpty() {
        String c = freshCollection();
        upsert(c, episode(1, 1).text("rust").cosineToX(0.5));

        assertThat(store.keyword(c, "rust", VectorFilter.ALL, 10)).isEmpty();
    }

    /** A point without a podcast id (the contract's builders always set one), {@code cosine} to {@link #X}. */
    private static VectorPoint withoutPodcast(ItemKind kind, long entityId, double cosine) {
        return new VectorPoint(id(kind, entityId), new PointPayload(kind, entityId, null, null, "en", List.of(), false,
                null, null, null, null), null, new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine), 0, 0});
    }
}

package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.QuantizationType;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorStore;
import org.wavelength.core.port.VectorStoreContract;

/** {@link QdrantVectorStore} against a real Qdrant: the shared contract plus Qdrant specifics. Skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class QdrantVectorStoreContractTest extends VectorStoreContract {

    /** Same minor version as the io.qdrant:client in use, so the client's compatibility check stays quiet. */
    static final String IMAGE = "qdrant/qdrant:v1.18.1";

    @Container
    static final QdrantContainer QDRANT = new QdrantContainer(IMAGE);

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
        assertThat(info.getPayloadSchemaMap()).containsOnlyKeys(QdrantPoints.PAYLOAD_INDEXES.keySet());
        assertThat(search(name, X, VectorFilter.ALL, 5)).containsExactly(1L, 2L);
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
    void keywordSearchIsAlwaysEmpty() {
        String c = freshCollection();
        upsert(c, episode(1, 1).text("rust").cosineToX(0.5));

        assertThat(store.keyword(c, "rust", VectorFilter.ALL, 10)).isEmpty();
    }
}

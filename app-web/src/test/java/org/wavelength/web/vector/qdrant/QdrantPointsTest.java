package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wavelength.web.vector.qdrant.QdrantTestData.A;
import static org.wavelength.web.vector.qdrant.QdrantTestData.B;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

/** Port points as Qdrant points and payloads, and search answers as hits. */
class QdrantPointsTest {

    // ---------------------------------------------------------------- points

    @Test
    void pointCarriesIdVectorAndEveryFilterField() {
        String id = PointIds.of(ItemKind.PASSAGE, 42);
        VectorPoint point = new VectorPoint(id, new PointPayload(ItemKind.PASSAGE, 42, 7L, 9L, "en",
                List.of("Science", "History"), true, 1800, Instant.parse("2024-05-01T08:00:00.5Z"), 12.5, 30.0),
                "some words", new float[] {0.5f, -0.25f, 1f});

        PointStruct struct = QdrantPoints.point(point);

        assertThat(struct.getId().getUuid()).isEqualTo(id);
        assertThat(struct.getVectors().getVector().getDense().getDataList()).containsExactly(0.5f, -0.25f, 1f);
        Map<String, Value> payload = struct.getPayloadMap();
        assertThat(payload).containsOnlyKeys("kind", "entity_id", "podcast_id", "episode_id", "language",
                "categories", "explicit", "duration_seconds", "published_at", "start", "end");
        assertThat(payload.get("kind").getStringValue()).isEqualTo("PASSAGE");
        assertThat(payload.get("entity_id").getIntegerValue()).isEqualTo(42L);
        assertThat(payload.get("podcast_id").getIntegerValue()).isEqualTo(7L);
        assertThat(payload.get("episode_id").getIntegerValue()).isEqualTo(9L);
        assertThat(payload.get("language").getStringValue()).isEqualTo("en");
        assertThat(payload.get("categories").getListValue().getValuesList())
                .extracting(Value::getStringValue).containsExactly("Science", "History");
        assertThat(payload.get("explicit").getBoolValue()).isTrue();
        assertThat(payload.get("duration_seconds").getIntegerValue()).isEqualTo(1800L);
        assertThat(payload.get("published_at").getStringValue()).isEqualTo("2024-05-01T08:00:00.500Z");
        assertThat(payload.get("start").getDoubleValue()).isEqualTo(12.5);
        assertThat(payload.get("end").getDoubleValue()).isEqualTo(30.0);
    }

    @Test
    void absentFieldsAreLeftOutOfThePayload() {
        VectorPoint podcast = new VectorPoint(A, new PointPayload(ItemKind.PODCAST, 1, null, null, null, null, false,
                null, null, null, null), null, new float[] {1f});

        Map<String, Value> payload = QdrantPoints.payload(podcast.payload());

        assertThat(payload).containsOnlyKeys("kind", "entity_id", "categories", "explicit");
        assertThat(payload.get("categories").getListValue().getValuesCount()).isZero();
        assertThat(payload.get("explicit").getBoolValue()).isFalse();
    }

    @Test
    void pointIdsMustBeUuidsAndPointsNeedAVector() {
        VectorPoint badId = new VectorPoint("podcast-1", new PointPayload(ItemKind.PODCAST, 1, 1L, null, "en",
                List.of(), false, null, null, null, null), null, new float[] {1f});
        assertThatThrownBy(() -> QdrantPoints.point(badId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("podcast-1");

        VectorPoint noVector = new VectorPoint(A, new PointPayload(ItemKind.PODCAST, 1, 1L, null, "en", List.of(),
                false, null, null, null, null), null, null);
        assertThatThrownBy(() -> QdrantPoints.point(noVector)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no vector");
    }

    @Test
    void payloadIndexesCoverEveryFilterField() {
        assertThat(QdrantPoints.PAYLOAD_INDEXES).containsExactly(
                Map.entry("kind", FieldType.FieldTypeKeyword),
                Map.entry("language", FieldType.FieldTypeKeyword),
                Map.entry("categories", FieldType.FieldTypeKeyword),
                Map.entry("entity_id", FieldType.FieldTypeInteger),
                Map.entry("podcast_id", FieldType.FieldTypeInteger),
                Map.entry("episode_id", FieldType.FieldTypeInteger),
                Map.entry("duration_seconds", FieldType.FieldTypeInteger),
                Map.entry("explicit", FieldType.FieldTypeBool),
                Map.entry("published_at", FieldType.FieldTypeDatetime));
        var index = QdrantRequests.payloadIndex("c", "kind", FieldType.FieldTypeKeyword);
        assertThat(index.getWait()).isTrue();
        assertThat(index.getFieldName()).isEqualTo("kind");
        assertThat(index.getCollectionName()).isEqualTo("c");
    }

    // ---------------------------------------------------------------- answers

    @Test
    void hitReadsEveryField() {
        ScoredPoint scored = ScoredPoint.newBuilder()
                .setId(PointIdFactory.id(UUID.fromString(B)))
                .setScore(0.75f)
                .putPayload("kind", ValueFactory.value("PASSAGE"))
                .putPayload("entity_id", ValueFactory.value(2L))
                .putPayload("podcast_id", ValueFactory.value(3L))
                .putPayload("episode_id", ValueFactory.value(4L))
                .putPayload("start", ValueFactory.value(1.5))
                .putPayload("end", ValueFactory.value(9L))
                .build();

        assertThat(QdrantPoints.hit(scored))
                .contains(new VectorHit(B, ItemKind.PASSAGE, 2, 3L, 4L, 1.5, 9.0, 0.75));
    }

    @Test
    void hitOfAPodcastHasNoEpisodeFields() {
        ScoredPoint scored = ScoredPoint.newBuilder()
                .setId(PointIdFactory.id(UUID.fromString(A)))
                .setScore(-0.5f)
                .putPayload("kind", ValueFactory.value("PODCAST"))
                .putPayload("entity_id", ValueFactory.value(1L))
                .build();

        assertThat(QdrantPoints.hit(scored)).contains(new VectorHit(A, ItemKind.PODCAST, 1, null, null, null, null,
                -0.5));
    }

    @Test
    void hitWithoutPayloadOrWithUnknownKindIsSkipped() {
        ScoredPoint foreign = ScoredPoint.newBuilder().setId(PointIdFactory.id(7)).setScore(0.9f).build();
        assertThat(QdrantPoints.hit(foreign)).isEmpty();

        ScoredPoint unknown = foreign.toBuilder().putPayload("kind", ValueFactory.value("ALBUM"))
                .putPayload("entity_id", ValueFactory.value(1L)).build();
        assertThat(QdrantPoints.hit(unknown)).isEmpty();
    }

    @Test
    void vectorOfRetrievedPoint() {
        RetrievedPoint point = RetrievedPoint.newBuilder()
                .setId(PointIdFactory.id(UUID.fromString(A)))
                .setVectors(VectorsOutput.newBuilder().setVector(VectorOutput.newBuilder()
                        .setDense(DenseVector.newBuilder().addData(0.6f).addData(0.8f))))
                .build();

        assertThat(QdrantPoints.vector(point)).hasValueSatisfying(v -> assertThat(v).containsExactly(0.6f, 0.8f));
        assertThat(QdrantPoints.vector(RetrievedPoint.getDefaultInstance())).isEmpty();
    }

    @Test
    void idsRoundTrip() {
        assertThat(QdrantPoints.idOf(QdrantPoints.pointId(A.toUpperCase()))).isEqualTo(A);
        assertThat(QdrantPoints.idOf(PointIdFactory.id(42))).isEqualTo("42");
        assertThatThrownBy(() -> QdrantPoints.pointId(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

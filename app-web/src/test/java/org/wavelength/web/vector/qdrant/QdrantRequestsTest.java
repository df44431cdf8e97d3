package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

class QdrantRequestsTest {

    private static final String A = PointIds.of(ItemKind.PODCAST, 1);
    private static final String B = PointIds.of(ItemKind.PODCAST, 2);

    @Test
    void filterOnKindOnly() {
        Filter filter = QdrantRequests.filter(VectorFilter.kind(ItemKind.PODCAST));

        assertThat(filter.getMustList()).hasSize(1);
        Condition kind = filter.getMust(0);
        assertThat(kind.getField().getKey()).isEqualTo("kind");
        assertThat(kind.getField().getMatch().getKeyword()).isEqualTo("PODCAST");
        assertThat(filter.getMustNotList()).isEmpty();
        assertThat(filter.getShouldList()).isEmpty();
    }

    @Test
    void filterWithLanguageAndExclusions() {
        Filter filter = QdrantRequests.filter(new VectorFilter(ItemKind.EPISODE, "de", Set.of(B, A)));

        assertThat(filter.getMustList())
                .extracting(c -> c.getField().getKey() + "=" + c.getField().getMatch().getKeyword())
                .containsExactly("kind=EPISODE", "language=de");
        assertThat(filter.getMustNotList()).hasSize(1);
        List<String> excluded = filter.getMustNot(0).getHasId().getHasIdList().stream().map(PointId::getUuid).toList();
        assertThat(excluded).containsExactlyInAnyOrder(A, B);
        // Deterministic order, whatever the set's iteration order.
        assertThat(excluded).isSorted();
    }

    @Test
    void filterSkipsExcludedIdsThatCannotBePoints() {
        Filter filter = QdrantRequests.filter(new VectorFilter(ItemKind.PODCAST, null, Set.of("not-a-uuid")));

        assertThat(filter.getMustList()).hasSize(1);
        assertThat(filter.getMustNotList()).isEmpty();
    }

    @Test
    void nullFilterAndNullKindDoNotRestrict() {
        assertThat(QdrantRequests.filter(null)).isEqualTo(Filter.getDefaultInstance());
        assertThat(QdrantRequests.filter(new VectorFilter(null, null, null))).isEqualTo(Filter.getDefaultInstance());
    }

    @Test
    void pointCarriesIdVectorAndEveryField() {
        Instant published = Instant.parse("2024-05-01T08:00:00Z");
        String id = PointIds.of(ItemKind.EPISODE, 42);
        VectorPoint point = new VectorPoint(id, ItemKind.EPISODE, 42, 7L, "en", List.of("Science", "History"),
                true, 1800, published, new float[] {0.5f, -0.25f, 1f});

        PointStruct struct = QdrantRequests.point(point);

        assertThat(struct.getId().getUuid()).isEqualTo(id);
        assertThat(struct.getVectors().getVector().getDense().getDataList()).containsExactly(0.5f, -0.25f, 1f);
        Map<String, Value> payload = struct.getPayloadMap();
        assertThat(payload).containsOnlyKeys("kind", "entity_id", "podcast_id", "language", "categories",
                "explicit", "duration_seconds", "published_at");
        assertThat(payload.get("kind").getStringValue()).isEqualTo("EPISODE");
        assertThat(payload.get("entity_id").getIntegerValue()).isEqualTo(42L);
        assertThat(payload.get("podcast_id").getIntegerValue()).isEqualTo(7L);
        assertThat(payload.get("language").getStringValue()).isEqualTo("en");
        assertThat(payload.get("categories").getListValue().getValuesList())
                .extracting(Value::getStringValue).containsExactly("Science", "History");
        assertThat(payload.get("explicit").getBoolValue()).isTrue();
        assertThat(payload.get("duration_seconds").getIntegerValue()).isEqualTo(1800L);
        assertThat(payload.get("published_at").getStringValue()).isEqualTo("2024-05-01T08:00:00Z");
    }

    @Test
    void absentFieldsAreLeftOutOfThePayload() {
        VectorPoint podcast = new VectorPoint(A, ItemKind.PODCAST, 1, null, null, null, false, null, null,
                new float[] {1f});

        Map<String, Value> payload = QdrantRequests.payload(podcast);

        assertThat(payload).containsOnlyKeys("kind", "entity_id", "categories", "explicit");
        assertThat(payload.get("categories").getListValue().getValuesCount()).isZero();
        assertThat(payload.get("explicit").getBoolValue()).isFalse();
    }

    @Test
    void pointIdsMustBeUuids() {
        VectorPoint bad = new VectorPoint("podcast-1", ItemKind.PODCAST, 1, 1L, "en", List.of(), false, null, null,
                new float[] {1f});

        assertThatThrownBy(() -> QdrantRequests.point(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("podcast-1");
    }

    @Test
    void upsertAndDeleteWaitForTheWrite() {
        UpsertPoints upsert = QdrantRequests.upsert("c", List.of(QdrantRequests.point(
                new VectorPoint(A, ItemKind.PODCAST, 1, 1L, "en", List.of(), false, null, null, new float[] {1f}))));
        assertThat(upsert.getWait()).isTrue();
        assertThat(upsert.getCollectionName()).isEqualTo("c");
        assertThat(upsert.getPointsCount()).isEqualTo(1);

        var delete = QdrantRequests.delete("c", QdrantRequests.existingPointIds(List.of(A, "junk")));
        assertThat(delete.getWait()).isTrue();
        assertThat(delete.getPoints().getPoints().getIdsList()).extracting(PointId::getUuid).containsExactly(A);
    }

    @Test
    void searchRequestHasLimitFilterAndQueryVector() {
        VectorFilter filter = VectorFilter.kind(ItemKind.PODCAST).excluding(A);

        QueryPoints search = QdrantRequests.search("wavelength", new float[] {0.1f, 0.2f}, filter, 5);

        assertThat(search.getCollectionName()).isEqualTo("wavelength");
        assertThat(search.getLimit()).isEqualTo(5L);
        assertThat(search.getFilter()).isEqualTo(QdrantRequests.filter(filter));
        assertThat(search.getFilter().getMustNot(0).getHasId().getHasId(0).getUuid()).isEqualTo(A);
        assertThat(search.getQuery().getNearest().getDense().getDataList()).containsExactly(0.1f, 0.2f);
        assertThat(search.getWithPayload().getInclude().getFieldsList())
                .containsExactlyInAnyOrder("kind", "entity_id", "podcast_id");
        assertThat(search.getWithVectors().getEnable()).isFalse();
    }

    @Test
    void hitReadsIdKindEntityPodcastAndScore() {
        ScoredPoint scored = ScoredPoint.newBuilder()
                .setId(PointIdFactory.id(UUID.fromString(B)))
                .setScore(0.75f)
                .putPayload("kind", ValueFactory.value("PODCAST"))
                .putPayload("entity_id", ValueFactory.value(2L))
                .putPayload("podcast_id", ValueFactory.value(2L))
                .build();

        assertThat(QdrantRequests.hit(scored)).contains(new VectorHit(B, ItemKind.PODCAST, 2, 2L, 0.75));
    }

    @Test
    void hitWithoutPayloadIsSkipped() {
        ScoredPoint foreign = ScoredPoint.newBuilder().setId(PointIdFactory.id(7)).setScore(0.9f).build();

        assertThat(QdrantRequests.hit(foreign)).isEmpty();
    }

    @Test
    void vectorOfRetrievedPoint() {
        RetrievedPoint point = RetrievedPoint.newBuilder()
                .setId(PointIdFactory.id(UUID.fromString(A)))
                .setVectors(VectorsOutput.newBuilder().setVector(VectorOutput.newBuilder()
                        .setDense(DenseVector.newBuilder().addData(0.6f).addData(0.8f))))
                .build();

        assertThat(QdrantRequests.vector(point)).hasValueSatisfying(v -> assertThat(v).containsExactly(0.6f, 0.8f));
        assertThat(QdrantRequests.vector(RetrievedPoint.getDefaultInstance())).isEmpty();
    }

    @Test
    void createCollectionIsCosineWithTheDimension() {
        var create = QdrantRequests.createCollection("wavelength", 384);

        assertThat(create.getVectorsConfig().getParams().getSize()).isEqualTo(384L);
        assertThat(create.getVectorsConfig().getParams().getDistance()).isEqualTo(Distance.Cosine);
    }

    @Test
    void existingCollectionIsCheckedAndMissingIndexesListed() {
        CollectionInfo info = CollectionInfo.newBuilder()
                .setConfig(CollectionConfig.newBuilder().setParams(CollectionParams.newBuilder()
                        .setVectorsConfig(VectorsConfig.newBuilder().setParams(
                                VectorParams.newBuilder().setSize(384).setDistance(Distance.Cosine)))))
                .putPayloadSchema("kind", PayloadSchemaInfo.newBuilder().setDataType(PayloadSchemaType.Keyword).build())
                .build();

        assertThat(QdrantRequests.incompatibility(info, 384)).isEmpty();
        assertThat(QdrantRequests.incompatibility(info, 768)).hasValueSatisfying(
                reason -> assertThat(reason).contains("384").contains("768"));
        Map<String, FieldType> missing = QdrantRequests.missingPayloadIndexes(info);
        assertThat(missing).doesNotContainKey("kind").hasSize(QdrantRequests.PAYLOAD_INDEXES.size() - 1);
        assertThat(missing).containsEntry("published_at", FieldType.FieldTypeDatetime)
                .containsEntry("entity_id", FieldType.FieldTypeInteger)
                .containsEntry("explicit", FieldType.FieldTypeBool)
                .containsEntry("categories", FieldType.FieldTypeKeyword);
    }
}

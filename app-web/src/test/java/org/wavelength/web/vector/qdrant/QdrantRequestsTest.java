package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.QuantizationType;
import io.qdrant.client.grpc.Collections.ScalarQuantization;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;

class QdrantRequestsTest {

    private static final String A = PointIds.of(ItemKind.EPISODE, 1);
    private static final String B = PointIds.of(ItemKind.EPISODE, 2);
    private static final String C = PointIds.of(ItemKind.EPISODE, 3);

    static VectorPoint episode(long id, float... vector) {
        return new VectorPoint(PointIds.of(ItemKind.EPISODE, id), new PointPayload(ItemKind.EPISODE, id, 7L, id, "en",
                List.of("Science"), false, 1200, Instant.parse("2024-05-01T08:00:00Z"), null, null), "text", vector);
    }

    /** The must condition on {@code key}; fails unless there is exactly one. */
    static FieldCondition must(Filter filter, String key) {
        List<FieldCondition> found = filter.getMustList().stream()
                .filter(Condition::hasField).map(Condition::getField)
                .filter(f -> f.getKey().equals(key)).toList();
        assertThat(found).as("must conditions on " + key).hasSize(1);
        return found.get(0);
    }

    static List<String> uuids(Condition hasId) {
        return hasId.getHasId().getHasIdList().stream().map(PointId::getUuid).toList();
    }

    // ---------------------------------------------------------------- filters

    @Test
    void emptyFiltersDoNotRestrict() {
        assertThat(QdrantRequests.filter(null)).isEqualTo(Filter.getDefaultInstance());
        assertThat(QdrantRequests.filter(VectorFilter.ALL)).isEqualTo(Filter.getDefaultInstance());
        assertThat(QdrantRequests.filter(VectorFilter.ALL.withCategories(Set.of()).withPodcasts(Set.of())
                .excludingPodcasts(Set.of()))).isEqualTo(Filter.getDefaultInstance());
    }

    @Test
    void kindAndLanguageMatchKeywords() {
        Filter filter = QdrantRequests.filter(VectorFilter.kind(ItemKind.PASSAGE).withLanguage("de"));

        assertThat(filter.getMustList()).hasSize(2);
        assertThat(must(filter, "kind").getMatch().getKeyword()).isEqualTo("PASSAGE");
        assertThat(must(filter, "language").getMatch().getKeyword()).isEqualTo("de");
        assertThat(filter.getMustNotList()).isEmpty();
        assertThat(filter.getShouldList()).isEmpty();
    }

    @Test
    void categoriesMatchAnyKeyword() {
        Filter filter = QdrantRequests.filter(VectorFilter.ALL.withCategories(Set.of("Science", "History", "Arts")));

        FieldCondition categories = must(filter, "categories");
        assertThat(categories.getMatch().hasKeywords()).isTrue();
        assertThat(categories.getMatch().getKeywords().getStringsList()).containsExactly("Arts", "History", "Science");
    }

    @Test
    void podcastIdsMatchAnyInteger() {
        Filter filter = QdrantRequests.filter(VectorFilter.ALL.withPodcasts(Set.of(9L, 3L, 5L)));

        FieldCondition podcasts = must(filter, "podcast_id");
        assertThat(podcasts.getMatch().hasIntegers()).isTrue();
        assertThat(podcasts.getMatch().getIntegers().getIntegersList()).containsExactly(3L, 5L, 9L);
        assertThat(filter.getMustNotList()).isEmpty();
    }

    @Test
    void excludedPodcastsAreMustNot() {
        Filter filter = QdrantRequests.filter(VectorFilter.ALL.excludingPodcasts(Set.of(4L, 2L)));

        assertThat(filter.getMustList()).isEmpty();
        assertThat(filter.getMustNotList()).hasSize(1);
        FieldCondition excluded = filter.getMustNot(0).getField();
        assertThat(excluded.getKey()).isEqualTo("podcast_id");
        assertThat(excluded.getMatch().getIntegers().getIntegersList()).containsExactly(2L, 4L);
    }

    @Test
    void excludedIdsAreMustNotHasIdSortedAndOnlyUuids() {
        Filter filter = QdrantRequests.filter(VectorFilter.ALL.excluding(B).excluding(A).excluding("not-a-uuid"));

        assertThat(filter.getMustList()).isEmpty();
        assertThat(filter.getMustNotList()).hasSize(1);
        List<String> excluded = uuids(filter.getMustNot(0));
        assertThat(excluded).containsExactlyInAnyOrder(A, B).isSorted();
    }

    @Test
    void onlyNonUuidExcludedIdsDoNotRestrict() {
        assertThat(QdrantRequests.filter(VectorFilter.ALL.excluding("podcast-1")))
                .isEqualTo(Filter.getDefaultInstance());
    }

    @Test
    void durationsAreOneInclusiveRange() {
        FieldCondition both = must(QdrantRequests.filter(VectorFilter.ALL.withDuration(600, 3600)),
                "duration_seconds");
        assertThat(both.hasRange()).isTrue();
        assertThat(both.getRange().getGte()).isEqualTo(600.0);
        assertThat(both.getRange().getLte()).isEqualTo(3600.0);
        assertThat(both.getRange().hasGt()).isFalse();
        assertThat(both.getRange().hasLt()).isFalse();

        FieldCondition min = must(QdrantRequests.filter(VectorFilter.ALL.withDuration(600, null)), "duration_seconds");
        assertThat(min.getRange().getGte()).isEqualTo(600.0);
        assertThat(min.getRange().hasLte()).isFalse();

        FieldCondition max = must(QdrantRequests.filter(VectorFilter.ALL.withDuration(null, 90)), "duration_seconds");
        assertThat(max.getRange().hasGte()).isFalse();
        assertThat(max.getRange().getLte()).isEqualTo(90.0);
    }

    @Test
    void publishedAfterIsInclusiveDatetimeRange() {
        Instant after = Instant.parse("2024-05-01T08:00:00.123456789Z");

        FieldCondition published = must(QdrantRequests.filter(VectorFilter.ALL.withPublishedAfter(after)),
                "published_at");

        assertThat(published.hasDatetimeRange()).isTrue();
        assertThat(published.getDatetimeRange().hasGte()).isTrue();
        assertThat(published.getDatetimeRange().hasGt()).isFalse();
        assertThat(published.getDatetimeRange().getGte().getSeconds()).isEqualTo(after.getEpochSecond());
        // Truncated to microseconds, like the stored value.
        assertThat(published.getDatetimeRange().getGte().getNanos()).isEqualTo(123_456_000);
    }

    @Test
    void explicitMatchesBool() {
        assertThat(must(QdrantRequests.filter(VectorFilter.ALL.withExplicit(false)), "explicit").getMatch())
                .satisfies(m -> {
                    assertThat(m.hasBoolean()).isTrue();
                    assertThat(m.getBoolean()).isFalse();
                });
        assertThat(must(QdrantRequests.filter(VectorFilter.ALL.withExplicit(true)), "explicit").getMatch()
                .getBoolean()).isTrue();
    }

    @Test
    void everyFieldTogether() {
        VectorFilter all = VectorFilter.kind(ItemKind.EPISODE).withLanguage("en").withCategories(Set.of("News"))
                .withPodcasts(Set.of(1L)).withExplicit(false).withDuration(60, 600)
                .withPublishedAfter(Instant.parse("2024-01-01T00:00:00Z")).excluding(A)
                .excludingPodcasts(Set.of(2L));

        Filter filter = QdrantRequests.filter(all);

        assertThat(filter.getMustList()).extracting(c -> c.getField().getKey()).containsExactly("kind", "language",
                "categories", "podcast_id", "explicit", "duration_seconds", "published_at");
        assertThat(filter.getMustNotList()).hasSize(2);
        assertThat(filter.getMustNot(0).getField().getKey()).isEqualTo("podcast_id");
        assertThat(uuids(filter.getMustNot(1))).containsExactly(A);
    }

    // ---------------------------------------------------------------- points and writes

    @Test
    void pointCarriesIdVectorAndEveryFilterField() {
        String id = PointIds.of(ItemKind.PASSAGE, 42);
        VectorPoint point = new VectorPoint(id, new PointPayload(ItemKind.PASSAGE, 42, 7L, 9L, "en",
                List.of("Science", "History"), true, 1800, Instant.parse("2024-05-01T08:00:00.5Z"), 12.5, 30.0),
                "some words", new float[] {0.5f, -0.25f, 1f});

        PointStruct struct = QdrantRequests.point(point);

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

        Map<String, Value> payload = QdrantRequests.payload(podcast.payload());

        assertThat(payload).containsOnlyKeys("kind", "entity_id", "categories", "explicit");
        assertThat(payload.get("categories").getListValue().getValuesCount()).isZero();
        assertThat(payload.get("explicit").getBoolValue()).isFalse();
    }

    @Test
    void pointIdsMustBeUuidsAndPointsNeedAVector() {
        VectorPoint badId = new VectorPoint("podcast-1", new PointPayload(ItemKind.PODCAST, 1, 1L, null, "en",
                List.of(), false, null, null, null, null), null, new float[] {1f});
        assertThatThrownBy(() -> QdrantRequests.point(badId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("podcast-1");

        VectorPoint noVector = new VectorPoint(A, new PointPayload(ItemKind.PODCAST, 1, 1L, null, "en", List.of(),
                false, null, null, null, null), null, null);
        assertThatThrownBy(() -> QdrantRequests.point(noVector)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no vector");
    }

    @Test
    void upsertIsBatchedBy256AndWaits() {
        List<VectorPoint> points = IntStream.rangeClosed(1, 600).mapToObj(i -> episode(i, 1f, 0f)).toList();

        List<UpsertPoints> batches = QdrantRequests.upsertBatches("c", points);

        assertThat(QdrantRequests.UPSERT_BATCH).isEqualTo(256);
        assertThat(batches).extracting(UpsertPoints::getPointsCount).containsExactly(256, 256, 88);
        assertThat(batches).allSatisfy(b -> {
            assertThat(b.getWait()).isTrue();
            assertThat(b.getCollectionName()).isEqualTo("c");
        });
        // In order: the first point of the second batch is the 257th.
        assertThat(batches.get(1).getPoints(0).getId().getUuid()).isEqualTo(PointIds.of(ItemKind.EPISODE, 257));
        assertThat(batches.get(2).getPoints(87).getId().getUuid()).isEqualTo(PointIds.of(ItemKind.EPISODE, 600));

        assertThat(QdrantRequests.upsertBatches("c", points.subList(0, 256))).hasSize(1);
        assertThat(QdrantRequests.upsertBatches("c", List.of())).isEmpty();
    }

    @Test
    void upsertValidatesEveryPointBeforeBuildingAnyBatch() {
        List<VectorPoint> points = new ArrayList<>(IntStream.rangeClosed(1, 300).mapToObj(i -> episode(i, 1f))
                .toList());
        points.add(new VectorPoint("bad", new PointPayload(ItemKind.EPISODE, 301, 1L, 1L, "en", List.of(), false, null,
                null, null, null), null, new float[] {1f}));

        assertThatThrownBy(() -> QdrantRequests.upsertBatches("c", points))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
    }

    @Test
    void deleteWaitsAndTakesDistinctUuidIds() {
        DeletePoints delete = QdrantRequests.delete("c", QdrantRequests.existingPointIds(List.of(B, A, "junk", A)));

        assertThat(delete.getWait()).isTrue();
        assertThat(delete.getCollectionName()).isEqualTo("c");
        assertThat(delete.getPoints().getPoints().getIdsList()).extracting(PointId::getUuid)
                .containsExactlyInAnyOrder(A, B).doesNotHaveDuplicates();
    }

    // ---------------------------------------------------------------- collections and aliases

    @Test
    void createCollectionWithoutQuantization() {
        CreateCollection create = QdrantRequests.createCollection("podcasts_en_v1", 384, false);

        assertThat(create.getCollectionName()).isEqualTo("podcasts_en_v1");
        assertThat(create.getVectorsConfig().getParams().getSize()).isEqualTo(384L);
        assertThat(create.getVectorsConfig().getParams().getDistance()).isEqualTo(Distance.Cosine);
        assertThat(create.hasQuantizationConfig()).isFalse();
    }

    @Test
    void createCollectionWithScalarQuantization() {
        CreateCollection create = QdrantRequests.createCollection("podcasts_en_v2", 768, true);

        assertThat(create.getVectorsConfig().getParams().getSize()).isEqualTo(768L);
        assertThat(create.getVectorsConfig().getParams().getDistance()).isEqualTo(Distance.Cosine);
        assertThat(create.hasQuantizationConfig()).isTrue();
        ScalarQuantization scalar = create.getQuantizationConfig().getScalar();
        assertThat(create.getQuantizationConfig().hasScalar()).isTrue();
        assertThat(scalar.getType()).isEqualTo(QuantizationType.Int8);
        assertThat(scalar.getQuantile()).isEqualTo(0.99f);
        assertThat(scalar.getAlwaysRam()).isTrue();
    }

    @Test
    void payloadIndexesCoverEveryFilterField() {
        assertThat(QdrantRequests.PAYLOAD_INDEXES).containsExactly(
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
        assertThat(missing).doesNotContainKey("kind").hasSize(QdrantRequests.PAYLOAD_INDEXES.size() - 1)
                .containsEntry("episode_id", FieldType.FieldTypeInteger);

        CollectionInfo dot = info.toBuilder().setConfig(CollectionConfig.newBuilder().setParams(
                CollectionParams.newBuilder().setVectorsConfig(VectorsConfig.newBuilder().setParams(
                        VectorParams.newBuilder().setSize(384).setDistance(Distance.Dot))))).build();
        assertThat(QdrantRequests.incompatibility(dot, 384)).hasValueSatisfying(
                reason -> assertThat(reason).contains("Dot"));
    }

    @Test
    void aliasSwitchIsOneRequestDeletingThenCreating() {
        List<AliasOperations> switchOps = QdrantRequests.switchAlias("podcasts_en", "podcasts_en_v2");

        assertThat(switchOps).hasSize(2);
        assertThat(switchOps.get(0).getActionCase()).isEqualTo(AliasOperations.ActionCase.DELETE_ALIAS);
        assertThat(switchOps.get(0).getDeleteAlias().getAliasName()).isEqualTo("podcasts_en");
        assertThat(switchOps.get(1).getActionCase()).isEqualTo(AliasOperations.ActionCase.CREATE_ALIAS);
        assertThat(switchOps.get(1).getCreateAlias().getAliasName()).isEqualTo("podcasts_en");
        assertThat(switchOps.get(1).getCreateAlias().getCollectionName()).isEqualTo("podcasts_en_v2");
    }

    @Test
    void aliasTargetIsFoundAmongAllAliases() {
        List<AliasDescription> aliases = List.of(
                AliasDescription.newBuilder().setAliasName("podcasts_de").setCollectionName("podcasts_de_v3").build(),
                AliasDescription.newBuilder().setAliasName("podcasts_en").setCollectionName("podcasts_en_v2").build());

        assertThat(QdrantRequests.aliasTarget(aliases, "podcasts_en")).contains("podcasts_en_v2");
        assertThat(QdrantRequests.aliasTarget(aliases, "podcasts_fr")).isEmpty();
        assertThat(QdrantRequests.aliasTarget(List.of(), "podcasts_en")).isEmpty();
    }

    // ---------------------------------------------------------------- queries

    @Test
    void searchRequestHasLimitFilterAndQueryVector() {
        VectorFilter filter = VectorFilter.kind(ItemKind.PODCAST).excluding(A);

        QueryPoints search = QdrantRequests.search("wavelength", VectorQuery.of(new float[] {0.1f, 0.2f}, filter, 5));

        assertThat(search.getCollectionName()).isEqualTo("wavelength");
        assertThat(search.getLimit()).isEqualTo(5L);
        assertThat(search.getFilter()).isEqualTo(QdrantRequests.filter(filter));
        assertThat(uuids(search.getFilter().getMustNot(0))).containsExactly(A);
        assertThat(search.getQuery().hasNearest()).isTrue();
        assertThat(search.getQuery().getNearest().getDense().getDataList()).containsExactly(0.1f, 0.2f);
        assertThat(search.getWithPayload().getInclude().getFieldsList())
                .containsExactlyInAnyOrder("kind", "entity_id", "podcast_id", "episode_id", "start", "end");
        assertThat(search.getWithVectors().getEnable()).isFalse();
    }

    @Test
    void maxPerPodcastUsesTheGroupsApi() {
        VectorFilter filter = VectorFilter.kind(ItemKind.EPISODE).withLanguage("en");
        VectorQuery query = VectorQuery.of(new float[] {1f, 0f}, filter, 10).perPodcast(2);

        QueryPointGroups groups = QdrantRequests.searchGroups("episodes", query);

        assertThat(groups.getCollectionName()).isEqualTo("episodes");
        assertThat(groups.getGroupBy()).isEqualTo("podcast_id");
        assertThat(groups.getGroupSize()).isEqualTo(2L);
        assertThat(groups.getLimit()).isEqualTo(10L);
        assertThat(groups.getFilter()).isEqualTo(QdrantRequests.filter(filter));
        assertThat(groups.getQuery().getNearest().getDense().getDataList()).containsExactly(1f, 0f);
        assertThat(groups.getWithPayload().getInclude().getFieldsList()).contains("kind", "entity_id", "podcast_id");
        assertThat(groups.getWithVectors().getEnable()).isFalse();
    }

    @Test
    void ungroupedCompanionQueriesPointsWithoutPodcast() {
        VectorFilter filter = VectorFilter.kind(ItemKind.EPISODE).excluding(A);
        QueryPointGroups groups = QdrantRequests.searchGroups("episodes",
                VectorQuery.of(new float[] {1f, 0f}, filter, 10).perPodcast(1));

        QueryPoints ungrouped = QdrantRequests.ungrouped(groups);

        assertThat(ungrouped.getCollectionName()).isEqualTo("episodes");
        assertThat(ungrouped.getLimit()).isEqualTo(10L);
        assertThat(ungrouped.getQuery()).isEqualTo(groups.getQuery());
        assertThat(ungrouped.getFilter().getMustList()).filteredOn(Condition::hasIsEmpty)
                .extracting(c -> c.getIsEmpty().getKey()).containsExactly("podcast_id");
        assertThat(must(ungrouped.getFilter(), "kind").getMatch().getKeyword()).isEqualTo("EPISODE");
        assertThat(ungrouped.getFilter().getMustNotList()).isEqualTo(groups.getFilter().getMustNotList());
    }

    static ScoredPoint scored(String id, float score, long podcast) {
        return ScoredPoint.newBuilder().setId(PointIdFactory.id(UUID.fromString(id))).setScore(score)
                .putPayload("podcast_id", ValueFactory.value(podcast)).build();
    }

    @Test
    void groupsAreFlattenedInScoreOrderAndCut() {
        String d = PointIds.of(ItemKind.EPISODE, 4);
        String e = PointIds.of(ItemKind.EPISODE, 5);
        List<PointGroup> groups = List.of(
                PointGroup.newBuilder().addHits(scored(A, 0.9f, 1)).addHits(scored(B, 0.5f, 1)).build(),
                PointGroup.newBuilder().addHits(scored(C, 0.8f, 2)).addHits(scored(d, 0.7f, 2)).build());
        List<ScoredPoint> loose = List.of(scored(e, 0.6f, 0).toBuilder().clearPayload().build());

        List<ScoredPoint> flat = QdrantRequests.flatten(groups, loose, 4);

        assertThat(flat).extracting(p -> p.getId().getUuid()).containsExactly(A, C, d, e);
        assertThat(QdrantRequests.flatten(groups, List.of(), 10)).extracting(ScoredPoint::getScore)
                .containsExactly(0.9f, 0.8f, 0.7f, 0.5f);
        assertThat(QdrantRequests.flatten(List.of(), List.of(), 10)).isEmpty();
    }

    @Test
    void flattenBreaksTiesById() {
        List<String> ids = new ArrayList<>(List.of(A, B, C));
        List<PointGroup> groups = ids.stream()
                .map(id -> PointGroup.newBuilder().addHits(scored(id, 0.5f, 1)).build()).toList();

        List<String> flat = QdrantRequests.flatten(groups, List.of(), 3).stream()
                .map(p -> p.getId().getUuid()).toList();

        assertThat(flat).isSorted().containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void recommendByIdsUsesAverageVectorAndExcludesTheExamples() {
        VectorFilter filter = VectorFilter.kind(ItemKind.EPISODE).withLanguage("en");
        RecommendQuery query = new RecommendQuery(List.of(A, B), null, List.of(C), null, filter, 7, null);

        Optional<QueryPoints> request = QdrantRequests.recommend("episodes", query);

        assertThat(request).isPresent();
        QueryPoints recommend = request.get();
        assertThat(recommend.getCollectionName()).isEqualTo("episodes");
        assertThat(recommend.getLimit()).isEqualTo(7L);
        assertThat(recommend.getQuery().hasRecommend()).isTrue();
        RecommendInput input = recommend.getQuery().getRecommend();
        assertThat(input.getStrategy()).isEqualTo(RecommendStrategy.AverageVector);
        assertThat(input.getPositiveList()).extracting(v -> v.getId().getUuid()).containsExactly(A, B);
        assertThat(input.getNegativeList()).extracting(v -> v.getId().getUuid()).containsExactly(C);
        assertThat(must(recommend.getFilter(), "kind").getMatch().getKeyword()).isEqualTo("EPISODE");
        assertThat(must(recommend.getFilter(), "language").getMatch().getKeyword()).isEqualTo("en");
        assertThat(recommend.getFilter().getMustNotList()).hasSize(1);
        assertThat(uuids(recommend.getFilter().getMustNot(0))).containsExactlyInAnyOrder(A, B, C).isSorted();
        assertThat(recommend.getWithVectors().getEnable()).isFalse();
    }

    @Test
    void recommendByVectors() {
        RecommendQuery query = new RecommendQuery(List.of(), List.of(new float[] {1f, 0f}, new float[] {0f, 1f}),
                List.of(), List.of(new float[] {-1f, 0f}), VectorFilter.ALL.excluding(A), 3, null);

        QueryPoints recommend = QdrantRequests.recommend("c", query).orElseThrow();

        RecommendInput input = recommend.getQuery().getRecommend();
        assertThat(input.getStrategy()).isEqualTo(RecommendStrategy.AverageVector);
        assertThat(input.getPositiveList()).allSatisfy(v -> assertThat(v.hasDense()).isTrue());
        assertThat(input.getPositiveList()).extracting(v -> v.getDense().getDataList())
                .containsExactly(List.of(1f, 0f), List.of(0f, 1f));
        assertThat(input.getNegativeList()).extracting(VectorInput::getDense)
                .extracting(DenseVector::getDataList).containsExactly(List.of(-1f, 0f));
        // Only the filter's own exclusion: there are no example ids.
        assertThat(uuids(recommend.getFilter().getMustNot(0))).containsExactly(A);
    }

    @Test
    void recommendMixesIdsAndVectors() {
        RecommendQuery query = new RecommendQuery(List.of(A), List.of(new float[] {0.5f, 0.5f}), List.of(B),
                List.of(new float[] {0f, -1f}), null, 4, null);

        RecommendInput input = QdrantRequests.recommend("c", query).orElseThrow().getQuery().getRecommend();

        assertThat(input.getPositiveList()).extracting(v -> v.getVariantCase().name())
                .containsExactly("ID", "DENSE");
        assertThat(input.getNegativeList()).extracting(v -> v.getVariantCase().name())
                .containsExactly("ID", "DENSE");
    }

    @Test
    void recommendWithoutAnyUsablePositiveIsEmpty() {
        RecommendQuery query = new RecommendQuery(List.of("not-a-uuid"), null, List.of(A), null, null, 5, null);

        assertThat(QdrantRequests.recommend("c", query)).isEmpty();
        assertThat(QdrantRequests.recommendGroups("c",
                new RecommendQuery(List.of("not-a-uuid"), null, List.of(A), null, null, 5, 1))).isEmpty();
        // One usable positive is enough.
        assertThat(QdrantRequests.recommend("c",
                new RecommendQuery(List.of("not-a-uuid", B), null, null, null, null, 5, null))).isPresent();
    }

    @Test
    void recommendWithMaxPerPodcastUsesTheGroupsApi() {
        RecommendQuery query = new RecommendQuery(List.of(A), null, null, null, VectorFilter.kind(ItemKind.EPISODE),
                6, 3);

        QueryPointGroups groups = QdrantRequests.recommendGroups("episodes", query).orElseThrow();

        assertThat(groups.getGroupBy()).isEqualTo("podcast_id");
        assertThat(groups.getGroupSize()).isEqualTo(3L);
        assertThat(groups.getLimit()).isEqualTo(6L);
        assertThat(groups.getQuery().getRecommend().getStrategy()).isEqualTo(RecommendStrategy.AverageVector);
        assertThat(groups.getQuery().getRecommend().getPositive(0).getId().getUuid()).isEqualTo(A);
        assertThat(must(groups.getFilter(), "kind").getMatch().getKeyword()).isEqualTo("EPISODE");
        assertThat(uuids(groups.getFilter().getMustNot(0))).containsExactly(A);
    }

    @Test
    void retrieveVectorAsksForTheVectorOnly() {
        GetPoints get = QdrantRequests.retrieveVector("alias", QdrantRequests.pointId(A));

        assertThat(get.getCollectionName()).isEqualTo("alias");
        assertThat(get.getIdsList()).extracting(PointId::getUuid).containsExactly(A);
        assertThat(get.getWithVectors().getEnable()).isTrue();
        assertThat(get.getWithPayload().getEnable()).isFalse();
    }

    @Test
    void scrollVectorsAsksForFilteredVectorsOnly() {
        ScrollPoints scroll = QdrantRequests.scrollVectors("alias",
                VectorFilter.kind(ItemKind.EPISODE).withPodcasts(Set.of(7L)), 50);

        assertThat(scroll.getCollectionName()).isEqualTo("alias");
        assertThat(scroll.getLimit()).isEqualTo(50);
        assertThat(must(scroll.getFilter(), "kind").getMatch().getKeyword()).isEqualTo("EPISODE");
        assertThat(must(scroll.getFilter(), "podcast_id").getMatch().getIntegers().getIntegersList())
                .containsExactly(7L);
        assertThat(scroll.getWithVectors().getEnable()).isTrue();
        assertThat(scroll.getWithPayload().getEnable()).isFalse();
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

        assertThat(QdrantRequests.hit(scored))
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

        assertThat(QdrantRequests.hit(scored)).contains(new VectorHit(A, ItemKind.PODCAST, 1, null, null, null, null,
                -0.5));
    }

    @Test
    void hitWithoutPayloadOrWithUnknownKindIsSkipped() {
        ScoredPoint foreign = ScoredPoint.newBuilder().setId(PointIdFactory.id(7)).setScore(0.9f).build();
        assertThat(QdrantRequests.hit(foreign)).isEmpty();

        ScoredPoint unknown = foreign.toBuilder().putPayload("kind", ValueFactory.value("ALBUM"))
                .putPayload("entity_id", ValueFactory.value(1L)).build();
        assertThat(QdrantRequests.hit(unknown)).isEmpty();
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
    void idsRoundTrip() {
        assertThat(QdrantRequests.idOf(QdrantRequests.pointId(A.toUpperCase()))).isEqualTo(A);
        assertThat(QdrantRequests.idOf(PointIdFactory.id(42))).isEqualTo("42");
        assertThatThrownBy(() -> QdrantRequests.pointId(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

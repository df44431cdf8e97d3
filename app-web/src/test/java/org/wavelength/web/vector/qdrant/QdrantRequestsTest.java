package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wavelength.web.vector.qdrant.QdrantTestData.A;
import static org.wavelength.web.vector.qdrant.QdrantTestData.B;
import static org.wavelength.web.vector.qdrant.QdrantTestData.C;
import static org.wavelength.web.vector.qdrant.QdrantTestData.episode;
import static org.wavelength.web.vector.qdrant.QdrantTestData.must;
import static org.wavelength.web.vector.qdrant.QdrantTestData.uuids;

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
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
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
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;

/** The requests the store sends: writes, collections and aliases, queries. */
class QdrantRequestsTest {

    // ---------------------------------------------------------------- writes

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
        DeletePoints delete = QdrantRequests.delete("c", QdrantPoints.existingPointIds(List.of(B, A, "junk", A)));

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
        assertThat(missing).doesNotContainKey("kind").hasSize(QdrantPoints.PAYLOAD_INDEXES.size() - 1)
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
        assertThat(search.getFilter()).isEqualTo(QdrantFilters.filter(filter));
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
        assertThat(groups.getFilter()).isEqualTo(QdrantFilters.filter(filter));
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
        GetPoints get = QdrantRequests.retrieveVector("alias", QdrantPoints.pointId(A));

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
}

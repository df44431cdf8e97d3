package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.ChangeAliases;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.ListAliasesRequest;
import io.qdrant.client.grpc.Collections.ListAliasesResponse;
import io.qdrant.client.grpc.Collections.ListCollectionsRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.QuantizationType;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.GetResponse;
import io.qdrant.client.grpc.Points.GroupsResult;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryGroupsResponse;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.PointsGrpc;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;

/**
 * {@link QdrantVectorStore} against a fake Qdrant gRPC server on localhost that records the requests and answers
 * with canned results: which calls the store makes, in which order, with which deadline, and how it maps failures.
 * What a real Qdrant does with the requests is the contract test's business.
 */
class QdrantVectorStoreTest {

    private static final float[] X = {1, 0, 0, 0};

    private FakeQdrant fake;
    private Server server;
    private QdrantClient client;
    private QdrantVectorStore store;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeQdrant();
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(CollectionsGrpc.bindService(fake.collections))
                .addService(PointsGrpc.bindService(fake.points))
                .build().start();
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.getPort(),
                InsecureChannelCredentials.create()).build();
        client = new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build());
        store = new QdrantVectorStore(client, Duration.ofSeconds(5), false);
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    static VectorPoint episode(long id, long podcastId) {
        return new VectorPoint(PointIds.of(ItemKind.EPISODE, id), new PointPayload(ItemKind.EPISODE, id, podcastId,
                null, "en", List.of(), false, 600, Instant.parse("2024-01-01T00:00:00Z"), null, null), null, X);
    }

    static ScoredPoint scored(ItemKind kind, long id, Long podcastId, float score) {
        ScoredPoint.Builder point = ScoredPoint.newBuilder()
                .setId(PointIdFactory.id(UUID.fromString(PointIds.of(kind, id))))
                .setScore(score)
                .putPayload("kind", ValueFactory.value(kind.name()))
                .putPayload("entity_id", ValueFactory.value(id));
        if (podcastId != null) {
            point.putPayload("podcast_id", ValueFactory.value(podcastId));
        }
        return point.build();
    }

    // ---------------------------------------------------------------- collections

    @Test
    void createsAMissingCollectionWithEveryPayloadIndex() {
        store.createCollection("podcasts_en_v1", 384);

        assertThat(fake.requests(CreateCollection.class)).singleElement().satisfies(create -> {
            assertThat(create.getCollectionName()).isEqualTo("podcasts_en_v1");
            assertThat(create.getVectorsConfig().getParams().getSize()).isEqualTo(384L);
            assertThat(create.hasQuantizationConfig()).isFalse();
        });
        assertThat(fake.requests(CreateFieldIndexCollection.class))
                .extracting(CreateFieldIndexCollection::getFieldName)
                .containsExactlyElementsOf(QdrantPoints.PAYLOAD_INDEXES.keySet());
        assertThat(fake.requests(CreateFieldIndexCollection.class)).allSatisfy(index -> {
            assertThat(index.getWait()).isTrue();
            assertThat(index.getCollectionName()).isEqualTo("podcasts_en_v1");
        });
        assertThat(fake.withoutDeadline).isZero();
    }

    @Test
    void createCollectionIsIdempotent() {
        store.createCollection("c", 4);
        int requests = fake.requests.size();

        store.createCollection("c", 4);

        assertThat(fake.requests(CreateCollection.class)).hasSize(1);
        assertThat(fake.requests(CreateFieldIndexCollection.class)).hasSize(QdrantPoints.PAYLOAD_INDEXES.size());
        // Only the existence check and the info read the second time.
        assertThat(fake.requests.subList(requests, fake.requests.size()))
                .extracting(m -> m.getClass().getSimpleName())
                .containsExactly("CollectionExistsRequest", "GetCollectionInfoRequest");
    }

    @Test
    void createCollectionWithQuantizationWhenEnabled() {
        new QdrantVectorStore(client, Duration.ofSeconds(5), true).createCollection("q", 8);

        CreateCollection create = fake.requests(CreateCollection.class).get(0);
        assertThat(create.getQuantizationConfig().getScalar().getType()).isEqualTo(QuantizationType.Int8);
        assertThat(create.getQuantizationConfig().getScalar().getQuantile()).isEqualTo(0.99f);
        assertThat(create.getQuantizationConfig().getScalar().getAlwaysRam()).isTrue();
    }

    @Test
    void anExistingCollectionOfAnotherSizeIsRejected() {
        store.createCollection("c", 4);

        assertThatThrownBy(() -> store.createCollection("c", 8)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'c'").hasMessageContaining("4").hasMessageContaining("8");
    }

    @Test
    void aCollectionCreatedConcurrentlyIsNotAnError() {
        fake.createdByOtherOnCreate = true;

        store.createCollection("c", 4);

        assertThat(fake.collectionInfos).containsKey("c");
        assertThat(fake.requests(CreateFieldIndexCollection.class)).isNotEmpty();
    }

    @Test
    void dropsCollectionsAndIgnoresMissingOnes() {
        store.createCollection("c", 4);

        store.dropCollection("c");
        store.dropCollection("never-created");

        assertThat(fake.requests(DeleteCollection.class)).extracting(DeleteCollection::getCollectionName)
                .containsExactly("c", "never-created");
        assertThat(store.collections()).isEmpty();
    }

    @Test
    void listsCollectionsSorted() {
        store.createCollection("b", 4);
        store.createCollection("a", 4);

        assertThat(store.collections()).containsExactly("a", "b");
    }

    // ---------------------------------------------------------------- aliases

    @Test
    void setAliasSendsOneRequestThatDeletesAndCreates() {
        store.createCollection("blue", 4);
        store.createCollection("green", 4);
        store.setAlias("serving", "blue");

        store.setAlias("serving", "green");

        List<ChangeAliases> changes = fake.requests(ChangeAliases.class);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).getActionsList()).extracting(AliasOperations::getActionCase).containsExactly(
                AliasOperations.ActionCase.DELETE_ALIAS, AliasOperations.ActionCase.CREATE_ALIAS);
        assertThat(changes.get(1).getActions(1).getCreateAlias().getCollectionName()).isEqualTo("green");
        assertThat(store.resolveAlias("serving")).contains("green");
        assertThat(store.resolveAlias("other")).isEmpty();
    }

    @Test
    void setAliasToAMissingCollectionFailsWithoutTouchingTheAlias() {
        store.createCollection("blue", 4);
        store.setAlias("serving", "blue");

        assertThatThrownBy(() -> store.setAlias("serving", "missing")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");

        assertThat(fake.requests(ChangeAliases.class)).hasSize(1);
        assertThat(store.resolveAlias("serving")).contains("blue");
    }

    // ---------------------------------------------------------------- writes

    @Test
    void upsertsInBatchesOf256() {
        List<VectorPoint> points = IntStream.rangeClosed(1, 513).mapToObj(i -> episode(i, 1)).toList();

        store.upsert("c", points);
        store.upsert("c", List.of());

        assertThat(fake.requests(UpsertPoints.class)).extracting(UpsertPoints::getPointsCount)
                .containsExactly(256, 256, 1);
        assertThat(fake.requests(UpsertPoints.class)).allSatisfy(u -> assertThat(u.getWait()).isTrue());
    }

    @Test
    void anInvalidPointFailsTheUpsertBeforeAnythingIsSent() {
        List<VectorPoint> points = new ArrayList<>(IntStream.rangeClosed(1, 300).mapToObj(i -> episode(i, 1))
                .toList());
        points.add(new VectorPoint("nope", new PointPayload(ItemKind.EPISODE, 1, 1L, null, "en", List.of(), false, null,
                null, null, null), null, X));

        assertThatThrownBy(() -> store.upsert("c", points)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.requests(UpsertPoints.class)).isEmpty();
    }

    @Test
    void deletesByIdWaitingAndSkipsIdsThatCannotExist() {
        String a = PointIds.of(ItemKind.PODCAST, 1);

        store.delete("c", List.of(a, "junk"));
        store.delete("c", List.of("junk"));

        assertThat(fake.requests(DeletePoints.class)).singleElement().satisfies(d -> {
            assertThat(d.getWait()).isTrue();
            assertThat(d.getPoints().getPoints().getIdsList()).extracting(PointId::getUuid).containsExactly(a);
        });
    }

    // ---------------------------------------------------------------- reads

    @Test
    void searchMapsHits() {
        fake.queryResult = List.of(scored(ItemKind.PODCAST, 1, 1L, 0.9f), scored(ItemKind.PODCAST, 2, 2L, 0.8f));

        List<VectorHit> hits = store.search("serving", VectorQuery.of(X, VectorFilter.kind(ItemKind.PODCAST), 2));

        assertThat(hits).extracting(VectorHit::entityId).containsExactly(1L, 2L);
        assertThat(hits.get(0).score()).isEqualTo(0.9f);
        assertThat(fake.requests(QueryPoints.class)).singleElement().satisfies(q -> {
            assertThat(q.getCollectionName()).isEqualTo("serving");
            assertThat(q.getLimit()).isEqualTo(2L);
        });
        assertThat(fake.requests(QueryPointGroups.class)).isEmpty();
        assertThat(store.search("serving", VectorQuery.of(X, VectorFilter.ALL, 0))).isEmpty();
        assertThat(fake.requests(QueryPoints.class)).hasSize(1);
    }

    @Test
    void searchWithMaxPerPodcastMergesGroupsAndPointsWithoutPodcast() {
        fake.groupsResult = List.of(
                PointGroup.newBuilder().addHits(scored(ItemKind.EPISODE, 11, 1L, 0.99f))
                        .addHits(scored(ItemKind.EPISODE, 12, 1L, 0.90f)).build(),
                PointGroup.newBuilder().addHits(scored(ItemKind.EPISODE, 21, 2L, 0.95f)).build());
        fake.ungroupedResult = List.of(scored(ItemKind.USER, 50, null, 0.97f));

        List<VectorHit> hits = store.search("c", VectorQuery.of(X, VectorFilter.ALL, 3).perPodcast(2));

        assertThat(hits).extracting(VectorHit::entityId).containsExactly(11L, 50L, 21L);
        QueryPointGroups groups = fake.requests(QueryPointGroups.class).get(0);
        assertThat(groups.getGroupBy()).isEqualTo("podcast_id");
        assertThat(groups.getGroupSize()).isEqualTo(2L);
        assertThat(groups.getLimit()).isEqualTo(3L);
        assertThat(fake.requests(QueryPoints.class)).singleElement()
                .satisfies(q -> assertThat(q.getFilter().getMustList()).anyMatch(Condition::hasIsEmpty));
    }

    @Test
    void searchWithMaxPerPodcastWithinGivenPodcastsNeedsNoSecondQuery() {
        fake.groupsResult = List.of(PointGroup.newBuilder().addHits(scored(ItemKind.EPISODE, 11, 1L, 0.9f)).build());

        List<VectorHit> hits = store.search("c",
                VectorQuery.of(X, VectorFilter.ALL.withPodcasts(Set.of(1L)), 5).perPodcast(1));

        assertThat(hits).extracting(VectorHit::entityId).containsExactly(11L);
        assertThat(fake.requests(QueryPoints.class)).isEmpty();
    }

    @Test
    void recommendSendsARecommendQuery() {
        String a = PointIds.of(ItemKind.PODCAST, 1);
        fake.queryResult = List.of(scored(ItemKind.PODCAST, 3, 3L, 0.9f));

        List<VectorHit> hits = store.recommend("c",
                new RecommendQuery(List.of(a), null, null, List.of(new float[] {0, 1, 0, 0}), null, 5, null));

        assertThat(hits).extracting(VectorHit::entityId).containsExactly(3L);
        QueryPoints query = fake.requests(QueryPoints.class).get(0);
        assertThat(query.getQuery().getRecommend().getStrategy()).isEqualTo(RecommendStrategy.AverageVector);
        assertThat(query.getQuery().getRecommend().getPositive(0).getId().getUuid()).isEqualTo(a);
        assertThat(query.getQuery().getRecommend().getNegative(0).getDense().getDataList())
                .containsExactly(0f, 1f, 0f, 0f);
    }

    @Test
    void recommendWithoutUsablePositiveSendsNothing() {
        assertThat(store.recommend("c", new RecommendQuery(List.of("junk"), null, null, null, null, 5, null)))
                .isEmpty();
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void recommendWithMaxPerPodcastUsesGroups() {
        fake.groupsResult = List.of(PointGroup.newBuilder().addHits(scored(ItemKind.EPISODE, 11, 1L, 0.9f)).build());

        List<VectorHit> hits = store.recommend("c", new RecommendQuery(List.of(PointIds.of(ItemKind.EPISODE, 1)),
                null, null, null, VectorFilter.ALL, 5, 1));

        assertThat(hits).extracting(VectorHit::entityId).containsExactly(11L);
        assertThat(fake.requests(QueryPointGroups.class)).singleElement()
                .satisfies(g -> assertThat(g.getQuery().hasRecommend()).isTrue());
    }

    @Test
    void countIsExact() {
        fake.count = 42;

        assertThat(store.count("serving", VectorFilter.kind(ItemKind.EPISODE))).isEqualTo(42L);

        CountPoints count = fake.requests(CountPoints.class).get(0);
        assertThat(count.getExact()).isTrue();
        assertThat(count.getCollectionName()).isEqualTo("serving");
        assertThat(count.getFilter().getMust(0).getField().getKey()).isEqualTo("kind");
    }

    @Test
    void vectorOfRetrievesTheVector() {
        String a = PointIds.of(ItemKind.PODCAST, 1);
        fake.retrieved = List.of(RetrievedPoint.newBuilder().setId(PointIdFactory.id(UUID.fromString(a)))
                .setVectors(VectorsOutput.newBuilder().setVector(VectorOutput.newBuilder()
                        .setDense(DenseVector.newBuilder().addData(0.6f).addData(0.8f)))).build());

        assertThat(store.vectorOf("serving", a)).hasValueSatisfying(v -> assertThat(v).containsExactly(0.6f, 0.8f));
        assertThat(fake.requests(GetPoints.class).get(0).getWithVectors().getEnable()).isTrue();

        fake.retrieved = List.of();
        assertThat(store.vectorOf("serving", a)).isEmpty();
        assertThat(store.vectorOf("serving", "junk")).isEmpty();
        assertThat(fake.requests(GetPoints.class)).hasSize(2);
    }

    @Test
    void keywordIsEmptyWithoutAsking() {
        assertThat(store.keyword("c", "rust", VectorFilter.ALL, 10)).isEmpty();
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void qdrantErrorsBecomeIllegalStateWithTheCollection() {
        fake.failPoints = Status.NOT_FOUND.withDescription("Collection `gone` doesn't exist!");

        assertThatThrownBy(() -> store.search("gone", VectorQuery.of(X, VectorFilter.ALL, 3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("search")
                .hasMessageContaining("'gone'").hasMessageContaining("doesn't exist");
        assertThatThrownBy(() -> store.upsert("gone", List.of(episode(1, 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("upsert");
        assertThatThrownBy(() -> store.count("gone", VectorFilter.ALL)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.search("gone", VectorQuery.of(X, VectorFilter.ALL, 3).perPodcast(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCallHasTheDeadline() {
        store.createCollection("c", 4);
        store.setAlias("a", "c");
        store.upsert("c", List.of(episode(1, 1)));
        store.search("a", VectorQuery.of(X, VectorFilter.ALL, 3));
        store.search("a", VectorQuery.of(X, VectorFilter.ALL, 3).perPodcast(1));
        store.count("a", VectorFilter.ALL);
        store.resolveAlias("a");
        store.collections();

        assertThat(fake.requests).hasSizeGreaterThan(10);
        assertThat(fake.withoutDeadline).isZero();
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> new QdrantVectorStore(client, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- the fake

    /** Just enough of Qdrant's gRPC API: collections, aliases and payload indexes kept, queries canned. */
    static final class FakeQdrant {
        final List<Message> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<String, CollectionInfo> collectionInfos = java.util.Collections.synchronizedMap(
                new LinkedHashMap<>());
        final Map<String, String> aliases = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        volatile int withoutDeadline;
        volatile boolean createdByOtherOnCreate;
        volatile Status failPoints;
        volatile List<ScoredPoint> queryResult = List.of();
        volatile List<ScoredPoint> ungroupedResult = List.of();
        volatile List<PointGroup> groupsResult = List.of();
        volatile List<RetrievedPoint> retrieved = List.of();
        volatile long count;

        <T extends Message> List<T> requests(Class<T> type) {
            synchronized (requests) {
                return requests.stream().filter(type::isInstance).map(type::cast).toList();
            }
        }

        private void record(Message request) {
            requests.add(request);
            if (Context.current().getDeadline() == null) {
                withoutDeadline++;
            }
        }

        private static CollectionOperationResponse ok(boolean result) {
            return CollectionOperationResponse.newBuilder().setResult(result).build();
        }

        private static <T> void reply(StreamObserver<T> observer, T value) {
            observer.onNext(value);
            observer.onCompleted();
        }

        private boolean failed(StreamObserver<?> observer) {
            Status status = failPoints;
            if (status != null) {
                observer.onError(status.asRuntimeException());
                return true;
            }
            return false;
        }

        private static final PointsOperationResponse UPDATED = PointsOperationResponse.newBuilder()
                .setResult(UpdateResult.newBuilder().setStatus(UpdateStatus.Completed)).build();

        final CollectionsGrpc.AsyncService collections = new CollectionsGrpc.AsyncService() {
            @Override
            public void collectionExists(CollectionExistsRequest request,
                    StreamObserver<CollectionExistsResponse> observer) {
                record(request);
                reply(observer, CollectionExistsResponse.newBuilder().setResult(CollectionExists.newBuilder()
                        .setExists(collectionInfos.containsKey(request.getCollectionName()))).build());
            }

            @Override
            public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
                record(request);
                boolean existed = collectionInfos.containsKey(request.getCollectionName());
                collectionInfos.putIfAbsent(request.getCollectionName(), CollectionInfo.newBuilder()
                        .setConfig(CollectionConfig.newBuilder().setParams(CollectionParams.newBuilder()
                                .setVectorsConfig(request.getVectorsConfig())))
                        .build());
                if (existed || createdByOtherOnCreate) {
                    observer.onError(Status.ALREADY_EXISTS.withDescription("Collection `"
                            + request.getCollectionName() + "` already exists!").asRuntimeException());
                } else {
                    reply(observer, ok(true));
                }
            }

            @Override
            public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> observer) {
                record(request);
                CollectionInfo info = collectionInfos.get(request.getCollectionName());
                if (info == null) {
                    observer.onError(Status.NOT_FOUND.asRuntimeException());
                } else {
                    reply(observer, GetCollectionInfoResponse.newBuilder().setResult(info).build());
                }
            }

            @Override
            public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> observer) {
                record(request);
                boolean existed = collectionInfos.remove(request.getCollectionName()) != null;
                aliases.values().removeIf(request.getCollectionName()::equals);
                reply(observer, ok(existed));
            }

            @Override
            public void list(ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> observer) {
                record(request);
                ListCollectionsResponse.Builder list = ListCollectionsResponse.newBuilder();
                synchronized (collectionInfos) {
                    // Reverse creation order, so that sorting is the store's doing.
                    List<String> names = new ArrayList<>(collectionInfos.keySet());
                    java.util.Collections.reverse(names);
                    names.forEach(name -> list.addCollections(CollectionDescription.newBuilder().setName(name)));
                }
                reply(observer, list.build());
            }

            @Override
            public void updateAliases(ChangeAliases request, StreamObserver<CollectionOperationResponse> observer) {
                record(request);
                for (AliasOperations operation : request.getActionsList()) {
                    switch (operation.getActionCase()) {
                        case DELETE_ALIAS -> aliases.remove(operation.getDeleteAlias().getAliasName());
                        case CREATE_ALIAS -> {
                            if (!collectionInfos.containsKey(operation.getCreateAlias().getCollectionName())) {
                                observer.onError(Status.NOT_FOUND.asRuntimeException());
                                return;
                            }
                            aliases.put(operation.getCreateAlias().getAliasName(),
                                    operation.getCreateAlias().getCollectionName());
                        }
                        default -> throw new IllegalArgumentException(operation.toString());
                    }
                }
                reply(observer, ok(true));
            }

            @Override
            public void listAliases(ListAliasesRequest request, StreamObserver<ListAliasesResponse> observer) {
                record(request);
                ListAliasesResponse.Builder list = ListAliasesResponse.newBuilder();
                synchronized (aliases) {
                    aliases.forEach((alias, collection) -> list.addAliases(
                            AliasDescription.newBuilder().setAliasName(alias).setCollectionName(collection)));
                }
                reply(observer, list.build());
            }
        };

        final PointsGrpc.AsyncService points = new PointsGrpc.AsyncService() {
            @Override
            public void createFieldIndex(CreateFieldIndexCollection request,
                    StreamObserver<PointsOperationResponse> observer) {
                record(request);
                collectionInfos.computeIfPresent(request.getCollectionName(), (name, info) -> info.toBuilder()
                        .putPayloadSchema(request.getFieldName(), PayloadSchemaInfo.newBuilder()
                                .setDataType(PayloadSchemaType.Keyword).build())
                        .build());
                reply(observer, UPDATED);
            }

            @Override
            public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
                record(request);
                if (!failed(observer)) {
                    reply(observer, UPDATED);
                }
            }

            @Override
            public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> observer) {
                record(request);
                if (!failed(observer)) {
                    reply(observer, UPDATED);
                }
            }

            @Override
            public void query(QueryPoints request, StreamObserver<QueryResponse> observer) {
                record(request);
                if (!failed(observer)) {
                    boolean ungrouped = request.getFilter().getMustList().stream().anyMatch(Condition::hasIsEmpty);
                    reply(observer, QueryResponse.newBuilder()
                            .addAllResult(ungrouped ? ungroupedResult : queryResult).build());
                }
            }

            @Override
            public void queryGroups(QueryPointGroups request, StreamObserver<QueryGroupsResponse> observer) {
                record(request);
                if (!failed(observer)) {
                    reply(observer, QueryGroupsResponse.newBuilder()
                            .setResult(GroupsResult.newBuilder().addAllGroups(groupsResult)).build());
                }
            }

            @Override
            public void get(GetPoints request, StreamObserver<GetResponse> observer) {
                record(request);
                if (!failed(observer)) {
                    reply(observer, GetResponse.newBuilder().addAllResult(retrieved).build());
                }
            }

            @Override
            public void count(CountPoints request, StreamObserver<CountResponse> observer) {
                record(request);
                if (!failed(observer)) {
                    reply(observer, CountResponse.newBuilder().setResult(CountResult.newBuilder().setCount(count))
                            .build());
                }
            }
        };
    }
}

package org.wavelength.web.vector.qdrant;

import static org.wavelength.web.vector.qdrant.QdrantPoints.HIT_PAYLOAD;
import static org.wavelength.web.vector.qdrant.QdrantPoints.PAYLOAD_INDEXES;
import static org.wavelength.web.vector.qdrant.QdrantPoints.PODCAST_ID;

import io.qdrant.client.QueryFactory;
import io.qdrant.client.VectorInputFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CreateAlias;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteAlias;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.QuantizationConfig;
import io.qdrant.client.grpc.Collections.QuantizationType;
import io.qdrant.client.grpc.Collections.ScalarQuantization;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;

/**
 * Builds the gRPC requests {@link QdrantVectorStore} sends: collections and aliases, writes, queries. Pure functions,
 * no I/O, so they are unit-tested without a server. Their points and filters come from {@link QdrantPoints} and
 * {@link QdrantFilters}.
 */
public final class QdrantRequests {

    /** Points per upsert request, so that a large batch stays well below gRPC's message size limit. */
    public static final int UPSERT_BATCH = 256;

    /** Scalar quantization: int8 copies of the vectors kept in RAM, bounds from the 0.99 quantile of the values. */
    static final float QUANTILE = 0.99f;

    private QdrantRequests() {
    }

    // ---------------------------------------------------------------- collections and aliases

    /**
     * A single unnamed dense vector of {@code dimension} floats compared by cosine; with {@code scalarQuantization}
     * the vectors also get int8 scalar quantization (always in RAM, quantile 0.99), which makes searches cheaper at a
     * small cost in recall (Qdrant rescores with the original vectors by default).
     */
    public static CreateCollection createCollection(String collection, int dimension, boolean scalarQuantization) {
        CreateCollection.Builder create = CreateCollection.newBuilder()
                .setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder()
                        .setParams(VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine)));
        if (scalarQuantization) {
            create.setQuantizationConfig(QuantizationConfig.newBuilder().setScalar(ScalarQuantization.newBuilder()
                    .setType(QuantizationType.Int8)
                    .setQuantile(QUANTILE)
                    .setAlwaysRam(true)));
        }
        return create.build();
    }

    public static CreateFieldIndexCollection payloadIndex(String collection, String field, FieldType type) {
        return CreateFieldIndexCollection.newBuilder()
                .setCollectionName(collection)
                .setFieldName(field)
                .setFieldType(type)
                .setWait(true)
                .build();
    }

    /**
     * Why an existing collection cannot take vectors of {@code dimension} (other vector size, other distance, named
     * vectors), or empty when it can.
     */
    public static Optional<String> incompatibility(CollectionInfo info, int dimension) {
        VectorsConfig vectors = info.getConfig().getParams().getVectorsConfig();
        if (!vectors.hasParams()) {
            return Optional.of("it has named vectors; a single unnamed vector is expected");
        }
        VectorParams params = vectors.getParams();
        if (params.getSize() != dimension) {
            return Optional.of("its vectors have " + params.getSize() + " dimensions, not " + dimension
                    + " (was the embedding model changed? use another collection name)");
        }
        if (params.getDistance() != Distance.Cosine) {
            return Optional.of("its distance is " + params.getDistance() + ", Cosine is expected");
        }
        return Optional.empty();
    }

    /** The payload indexes of {@link QdrantPoints#PAYLOAD_INDEXES} that the collection does not have yet. */
    public static Map<String, FieldType> missingPayloadIndexes(CollectionInfo info) {
        Map<String, FieldType> missing = new LinkedHashMap<>(PAYLOAD_INDEXES);
        missing.keySet().removeAll(info.getPayloadSchemaMap().keySet());
        return missing;
    }

    /**
     * The operations of one update-aliases request that points {@code alias} at {@code collection}: delete the alias,
     * then create it anew. Qdrant applies the actions of one request under a single lock on the alias table, so a
     * reader resolves the alias to the old collection or to the new one, never to nothing. (Deleting an alias that
     * does not exist is not an error, so the same request also creates a first alias.)
     */
    public static List<AliasOperations> switchAlias(String alias, String collection) {
        return List.of(
                AliasOperations.newBuilder().setDeleteAlias(DeleteAlias.newBuilder().setAliasName(alias)).build(),
                AliasOperations.newBuilder().setCreateAlias(CreateAlias.newBuilder()
                        .setAliasName(alias)
                        .setCollectionName(collection)).build());
    }

    /** The collection {@code alias} points at, among all aliases of the server. */
    public static Optional<String> aliasTarget(List<AliasDescription> aliases, String alias) {
        return aliases.stream()
                .filter(a -> a.getAliasName().equals(alias))
                .map(AliasDescription::getCollectionName)
                .findFirst();
    }

    // ---------------------------------------------------------------- writes

    /**
     * {@code wait=true}: Qdrant answers only once the operation is applied (written to its write-ahead log and to
     * the segments), so an acknowledged upsert is durable and visible to the next read, as {@code VectorStore}
     * promises. With {@code wait=false} the answer would only mean "received".
     */
    public static UpsertPoints upsert(String collection, List<PointStruct> points) {
        return UpsertPoints.newBuilder()
                .setCollectionName(collection)
                .setWait(true)
                .addAllPoints(points)
                .build();
    }

    /** The upsert requests of {@code points}, {@link #UPSERT_BATCH} points each at most, in order. */
    public static List<UpsertPoints> upsertBatches(String collection, List<VectorPoint> points) {
        // Convert (and so validate) every point before the first request is built: a bad point fails the call
        // before anything is written.
        List<PointStruct> structs = points.stream().map(QdrantPoints::point).toList();
        List<UpsertPoints> batches = new ArrayList<>((structs.size() + UPSERT_BATCH - 1) / UPSERT_BATCH);
        for (int from = 0; from < structs.size(); from += UPSERT_BATCH) {
            batches.add(upsert(collection, structs.subList(from, Math.min(from + UPSERT_BATCH, structs.size()))));
        }
        return batches;
    }

    /** Deletes by id, waiting for the deletion to be applied (see {@link #upsert}). */
    public static DeletePoints delete(String collection, List<PointId> ids) {
        return DeletePoints.newBuilder()
                .setCollectionName(collection)
                .setWait(true)
                .setPoints(PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder().addAllIds(ids)))
                .build();
    }

    // ---------------------------------------------------------------- queries

    /**
     * The {@code limit} points nearest to the query vector that pass the filter. Uses the Query API (Qdrant's
     * universal search endpoint, which it recommends over the older Search); on a cosine collection the score is the
     * cosine similarity. Only the payload a {@link VectorHit} needs comes back, and no vectors.
     */
    public static QueryPoints search(String collection, VectorQuery query) {
        return query(collection, QueryFactory.nearest(query.vector()), QdrantFilters.filter(query.filter()),
                query.limit());
    }

    /**
     * {@link #search} through the groups API: points grouped by podcast id, at most {@code maxPerPodcast} per group.
     * See {@link #groups}.
     */
    public static QueryPointGroups searchGroups(String collection, VectorQuery query) {
        return groups(collection, QueryFactory.nearest(query.vector()), QdrantFilters.filter(query.filter()),
                query.limit(), query.maxPerPodcast());
    }

    /**
     * "More like these": Qdrant's recommend query with the {@code average_vector} strategy, which scores by cosine to
     * {@code avg(positives) + (avg(positives) - avg(negatives))}, the target the port prescribes. Examples are point
     * ids (Qdrant looks their vectors up in the collection) or raw vectors. Qdrant's Query API leaves the points used
     * as examples out of the results; the filter excludes them as well so that this holds whatever the server
     * version. Ids that are not UUIDs cannot name a point and are left out; empty when no positive example is left.
     */
    public static Optional<QueryPoints> recommend(String collection, RecommendQuery query) {
        return recommendInput(query).map(input -> query(collection, QueryFactory.recommend(input),
                QdrantFilters.filter(query.filter(), exampleIds(query)), query.limit()));
    }

    /** {@link #recommend} through the groups API (see {@link #groups}). */
    public static Optional<QueryPointGroups> recommendGroups(String collection, RecommendQuery query) {
        return recommendInput(query).map(input -> groups(collection, QueryFactory.recommend(input),
                QdrantFilters.filter(query.filter(), exampleIds(query)), query.limit(), query.maxPerPodcast()));
    }

    /** The recommend input of a query, or empty when none of its positive examples can name a point. */
    static Optional<RecommendInput> recommendInput(RecommendQuery query) {
        RecommendInput.Builder input = RecommendInput.newBuilder().setStrategy(RecommendStrategy.AverageVector);
        examples(query.positiveIds(), query.positiveVectors()).forEach(input::addPositive);
        examples(query.negativeIds(), query.negativeVectors()).forEach(input::addNegative);
        return input.getPositiveCount() == 0 ? Optional.empty() : Optional.of(input.build());
    }

    private static List<VectorInput> examples(List<String> ids, List<float[]> vectors) {
        List<VectorInput> examples = new ArrayList<>(ids.size() + vectors.size());
        // Duplicates are kept: an example given twice weighs twice in the average, as in the other adapters.
        for (String id : ids) {
            QdrantPoints.existingPointId(id)
                    .ifPresent(pointId -> examples.add(VectorInputFactory.vectorInput(pointId)));
        }
        for (float[] vector : vectors) {
            if (vector == null) {
                throw new IllegalArgumentException("a recommendation example vector is null");
            }
            examples.add(VectorInputFactory.vectorInput(vector));
        }
        return examples;
    }

    private static List<String> exampleIds(RecommendQuery query) {
        List<String> ids = new ArrayList<>(query.positiveIds());
        ids.addAll(query.negativeIds());
        return ids;
    }

    static QueryPoints query(String collection, Query query, Filter filter, int limit) {
        return QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setQuery(query)
                .setFilter(filter)
                .setLimit(limit)
                .setWithPayload(WithPayloadSelectorFactory.include(HIT_PAYLOAD))
                .setWithVectors(WithVectorsSelectorFactory.enable(false))
                .build();
    }

    /**
     * A query through the groups API: hits grouped by {@link QdrantPoints#PODCAST_ID}, at most {@code maxPerPodcast}
     * hits ({@code group_size}) in each of the best {@code limit} groups. That is enough groups: the best {@code limit}
     * points with at most {@code maxPerPodcast} per podcast come from at most {@code limit} podcasts, each of which
     * has a better best hit than any podcast left out, so {@link #flatten} of the answer, cut to {@code limit}, is
     * exact. Qdrant leaves points without a podcast id out of every group ({@link QdrantFilters#withoutPodcast}).
     */
    static QueryPointGroups groups(String collection, Query query, Filter filter, int limit, int maxPerPodcast) {
        return QueryPointGroups.newBuilder()
                .setCollectionName(collection)
                .setQuery(query)
                .setFilter(filter)
                .setGroupBy(PODCAST_ID)
                .setGroupSize(maxPerPodcast)
                .setLimit(limit)
                .setWithPayload(WithPayloadSelectorFactory.include(HIT_PAYLOAD))
                .setWithVectors(WithVectorsSelectorFactory.enable(false))
                .build();
    }

    /**
     * The companion of a {@link #groups} query for the points without a podcast id: the same query and limit, only
     * over those points. Each such point counts as a podcast of its own.
     */
    static QueryPoints ungrouped(QueryPointGroups groups) {
        return query(groups.getCollectionName(), groups.getQuery(), QdrantFilters.withoutPodcast(groups.getFilter()),
                (int) groups.getLimit());
    }

    /** The hits of every group and of the ungrouped points, best first (ties by id), at most {@code limit}. */
    static List<ScoredPoint> flatten(List<PointGroup> groups, List<ScoredPoint> ungrouped, int limit) {
        List<ScoredPoint> all = new ArrayList<>(ungrouped);
        groups.forEach(group -> all.addAll(group.getHitsList()));
        return all.stream()
                .sorted(Comparator.comparingDouble(ScoredPoint::getScore).reversed()
                        .thenComparing(point -> QdrantPoints.idOf(point.getId())))
                .limit(limit)
                .toList();
    }

    /** One point with its vector and without payload. */
    public static GetPoints retrieveVector(String collection, PointId id) {
        return GetPoints.newBuilder()
                .setCollectionName(collection)
                .addIds(id)
                .setWithPayload(WithPayloadSelectorFactory.enable(false))
                .setWithVectors(WithVectorsSelectorFactory.enable(true))
                .build();
    }

    /** The vectors (no payload) of the first {@code limit} points that pass {@code filter}. */
    public static ScrollPoints scrollVectors(String collection, VectorFilter filter, int limit) {
        return ScrollPoints.newBuilder()
                .setCollectionName(collection)
                .setFilter(QdrantFilters.filter(filter))
                .setLimit(limit)
                .setWithPayload(WithPayloadSelectorFactory.enable(false))
                .setWithVectors(WithVectorsSelectorFactory.enable(true))
                .build();
    }
}

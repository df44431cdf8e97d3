package org.wavelength.web.vector.qdrant;

import static io.qdrant.client.ConditionFactory.datetimeRange;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.matchValues;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.ValueFactory.value;

import com.google.protobuf.Timestamp;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorInputFactory;
import io.qdrant.client.VectorOutputHelper;
import io.qdrant.client.VectorsFactory;
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
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
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
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;

/**
 * Builds the gRPC requests {@link QdrantVectorStore} sends and reads the answers. Pure functions, no I/O, so the
 * mapping between the port's records and Qdrant's protobuf messages is unit-tested without a server.
 */
public final class QdrantRequests {

    // Payload keys: every PointPayload field is stored under one of them. The text is not stored: Qdrant has no BM25
    // scoring here (see QdrantVectorStore#keyword).
    public static final String KIND = "kind";
    public static final String ENTITY_ID = "entity_id";
    public static final String PODCAST_ID = "podcast_id";
    public static final String EPISODE_ID = "episode_id";
    public static final String LANGUAGE = "language";
    public static final String CATEGORIES = "categories";
    public static final String EXPLICIT = "explicit";
    public static final String DURATION_SECONDS = "duration_seconds";
    /**
     * RFC 3339 UTC timestamp (e.g. {@code 2024-05-01T08:00:00Z}), indexed as Qdrant {@code datetime}. Truncated to
     * microseconds, Qdrant's datetime precision, both when stored and in filters, so that an inclusive bound equal
     * to a stored value still matches it.
     */
    public static final String PUBLISHED_AT = "published_at";
    /** Seconds into the episode where a passage starts and ends. */
    public static final String START = "start";
    public static final String END = "end";

    /** Points per upsert request, so that a large batch stays well below gRPC's message size limit. */
    public static final int UPSERT_BATCH = 256;

    /** The payload indexes a collection gets, in creation order: one per filter field, so filters do not scan. */
    public static final Map<String, FieldType> PAYLOAD_INDEXES;

    static {
        Map<String, FieldType> indexes = new LinkedHashMap<>();
        indexes.put(KIND, FieldType.FieldTypeKeyword);
        indexes.put(LANGUAGE, FieldType.FieldTypeKeyword);
        indexes.put(CATEGORIES, FieldType.FieldTypeKeyword);
        indexes.put(ENTITY_ID, FieldType.FieldTypeInteger);
        indexes.put(PODCAST_ID, FieldType.FieldTypeInteger);
        indexes.put(EPISODE_ID, FieldType.FieldTypeInteger);
        indexes.put(DURATION_SECONDS, FieldType.FieldTypeInteger);
        indexes.put(EXPLICIT, FieldType.FieldTypeBool);
        indexes.put(PUBLISHED_AT, FieldType.FieldTypeDatetime);
        PAYLOAD_INDEXES = java.util.Collections.unmodifiableMap(indexes);
    }

    /** What a search needs back to make a {@link VectorHit}; the rest of the payload is not transferred. */
    static final List<String> HIT_PAYLOAD = List.of(KIND, ENTITY_ID, PODCAST_ID, EPISODE_ID, START, END);

    /** Scalar quantization: int8 copies of the vectors kept in RAM, bounds from the 0.99 quantile of the values. */
    static final float QUANTILE = 0.99f;

    private QdrantRequests() {
    }

    // ---------------------------------------------------------------- ids

    /** The Qdrant id of a port point id, which must be a UUID string (see {@code PointIds}). */
    public static PointId pointId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("point id is null");
        }
        try {
            return PointIdFactory.id(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Qdrant point ids must be UUIDs, got '" + id + "'", e);
        }
    }

    /** The Qdrant id, or empty when {@code id} is not a UUID and so cannot name a point in a collection. */
    static Optional<PointId> existingPointId(String id) {
        try {
            return Optional.of(pointId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The port id of a Qdrant id, in the canonical lower-case form {@link UUID#toString()} gives. */
    public static String idOf(PointId id) {
        if (id.hasUuid()) {
            return UUID.fromString(id.getUuid()).toString();
        }
        return Long.toString(id.getNum());
    }

    /**
     * Ids that can exist in a collection, without duplicates and sorted, so that a request does not depend on set
     * iteration order. Ids that are not UUIDs cannot name a point and are left out.
     */
    static List<PointId> existingPointIds(Collection<String> ids) {
        return ids.stream()
                .map(QdrantRequests::existingPointId)
                .flatMap(Optional::stream)
                .distinct()
                .sorted(Comparator.comparing(PointId::getUuid))
                .toList();
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

    /** The payload indexes of {@link #PAYLOAD_INDEXES} that the collection does not have yet. */
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

    /** The Qdrant point of a port point: UUID id, the vector, and the filterable fields in the payload. */
    public static PointStruct point(VectorPoint point) {
        if (point.vector() == null) {
            throw new IllegalArgumentException("point " + point.id() + " has no vector");
        }
        return PointStruct.newBuilder()
                .setId(pointId(point.id()))
                .setVectors(VectorsFactory.vectors(point.vector()))
                .putAllPayload(payload(point.payload()))
                .build();
    }

    /** The payload of a point. Absent (null) fields are left out rather than stored as JSON null. */
    public static Map<String, Value> payload(PointPayload item) {
        if (item.kind() == null) {
            throw new IllegalArgumentException("a payload without a kind: " + item);
        }
        Map<String, Value> payload = new LinkedHashMap<>();
        payload.put(KIND, value(item.kind().name()));
        payload.put(ENTITY_ID, value(item.entityId()));
        if (item.podcastId() != null) {
            payload.put(PODCAST_ID, value(item.podcastId()));
        }
        if (item.episodeId() != null) {
            payload.put(EPISODE_ID, value(item.episodeId()));
        }
        if (item.language() != null) {
            payload.put(LANGUAGE, value(item.language()));
        }
        List<Value> categories = new ArrayList<>(item.categories().size());
        for (String category : item.categories()) {
            categories.add(value(category));
        }
        payload.put(CATEGORIES, ValueFactory.list(categories));
        payload.put(EXPLICIT, value(item.explicit()));
        if (item.durationSeconds() != null) {
            payload.put(DURATION_SECONDS, value(item.durationSeconds().longValue()));
        }
        if (item.publishedAt() != null) {
            payload.put(PUBLISHED_AT, value(micros(item.publishedAt()).toString()));
        }
        if (item.start() != null) {
            payload.put(START, value(item.start().doubleValue()));
        }
        if (item.end() != null) {
            payload.put(END, value(item.end().doubleValue()));
        }
        return payload;
    }

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
        List<PointStruct> structs = points.stream().map(QdrantRequests::point).toList();
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

    // ---------------------------------------------------------------- filters

    /**
     * The Qdrant filter of a port filter. Each set field is one {@code must} condition (kind, language and explicit
     * match; categories and podcast ids match any of their values; the duration bounds are one inclusive range;
     * published-after is an inclusive datetime range); excluded ids and excluded podcasts are {@code must_not}
     * conditions. A null filter, null field or empty set does not restrict. Set values are sorted, so the request does
     * not depend on set iteration order.
     */
    public static Filter filter(VectorFilter filter) {
        return filter(filter, List.of());
    }

    /** {@link #filter(VectorFilter)}, also excluding {@code moreExcludedIds}. */
    static Filter filter(VectorFilter filter, Collection<String> moreExcludedIds) {
        Filter.Builder builder = Filter.newBuilder();
        Set<String> excludedIds = new LinkedHashSet<>(moreExcludedIds);
        if (filter != null) {
            if (filter.kind() != null) {
                builder.addMust(matchKeyword(KIND, filter.kind().name()));
            }
            if (filter.language() != null) {
                builder.addMust(matchKeyword(LANGUAGE, filter.language()));
            }
            if (!filter.categories().isEmpty()) {
                builder.addMust(matchKeywords(CATEGORIES, filter.categories().stream().sorted().toList()));
            }
            if (!filter.podcastIds().isEmpty()) {
                builder.addMust(matchValues(PODCAST_ID, filter.podcastIds().stream().sorted().toList()));
            }
            if (filter.explicit() != null) {
                builder.addMust(match(EXPLICIT, filter.explicit()));
            }
            if (filter.minDurationSeconds() != null || filter.maxDurationSeconds() != null) {
                Range.Builder range = Range.newBuilder();
                if (filter.minDurationSeconds() != null) {
                    range.setGte(filter.minDurationSeconds());
                }
                if (filter.maxDurationSeconds() != null) {
                    range.setLte(filter.maxDurationSeconds());
                }
                builder.addMust(range(DURATION_SECONDS, range.build()));
            }
            if (filter.publishedAfter() != null) {
                builder.addMust(datetimeRange(PUBLISHED_AT,
                        DatetimeRange.newBuilder().setGte(timestamp(filter.publishedAfter())).build()));
            }
            if (!filter.excludedPodcastIds().isEmpty()) {
                builder.addMustNot(matchValues(PODCAST_ID, filter.excludedPodcastIds().stream().sorted().toList()));
            }
            excludedIds.addAll(filter.excludedIds());
        }
        List<PointId> excluded = existingPointIds(excludedIds);
        if (!excluded.isEmpty()) {
            builder.addMustNot(hasId(excluded));
        }
        return builder.build();
    }

    /** {@code filter} restricted to points without a podcast id (which the groups API leaves out). */
    static Filter withoutPodcast(Filter filter) {
        return filter.toBuilder().addMust(isEmpty(PODCAST_ID)).build();
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Timestamp timestamp(Instant instant) {
        Instant value = micros(instant);
        return Timestamp.newBuilder().setSeconds(value.getEpochSecond()).setNanos(value.getNano()).build();
    }

    // ---------------------------------------------------------------- queries

    /**
     * The {@code limit} points nearest to the query vector that pass the filter. Uses the Query API (Qdrant's
     * universal search endpoint, which it recommends over the older Search); on a cosine collection the score is the
     * cosine similarity. Only the payload a {@link VectorHit} needs comes back, and no vectors.
     */
    public static QueryPoints search(String collection, VectorQuery query) {
        return query(collection, QueryFactory.nearest(query.vector()), filter(query.filter()), query.limit());
    }

    /**
     * {@link #search} through the groups API: points grouped by podcast id, at most {@code maxPerPodcast} per group.
     * See {@link #groups}.
     */
    public static QueryPointGroups searchGroups(String collection, VectorQuery query) {
        return groups(collection, QueryFactory.nearest(query.vector()), filter(query.filter()), query.limit(),
                query.maxPerPodcast());
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
                filter(query.filter(), exampleIds(query)), query.limit()));
    }

    /** {@link #recommend} through the groups API (see {@link #groups}). */
    public static Optional<QueryPointGroups> recommendGroups(String collection, RecommendQuery query) {
        return recommendInput(query).map(input -> groups(collection, QueryFactory.recommend(input),
                filter(query.filter(), exampleIds(query)), query.limit(), query.maxPerPodcast()));
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
            existingPointId(id).ifPresent(pointId -> examples.add(VectorInputFactory.vectorInput(pointId)));
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
     * A query through the groups API: hits grouped by {@link #PODCAST_ID}, at most {@code maxPerPodcast} hits
     * ({@code group_size}) in each of the best {@code limit} groups. That is enough groups: the best {@code limit}
     * points with at most {@code maxPerPodcast} per podcast come from at most {@code limit} podcasts, each of which
     * has a better best hit than any podcast left out, so {@link #flatten} of the answer, cut to {@code limit}, is
     * exact. Qdrant leaves points without a podcast id out of every group ({@link #withoutPodcast}).
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
        return query(groups.getCollectionName(), groups.getQuery(), withoutPodcast(groups.getFilter()),
                (int) groups.getLimit());
    }

    /** The hits of every group and of the ungrouped points, best first (ties by id), at most {@code limit}. */
    static List<ScoredPoint> flatten(List<PointGroup> groups, List<ScoredPoint> ungrouped, int limit) {
        List<ScoredPoint> all = new ArrayList<>(ungrouped);
        groups.forEach(group -> all.addAll(group.getHitsList()));
        return all.stream()
                .sorted(Comparator.comparingDouble(ScoredPoint::getScore).reversed()
                        .thenComparing(point -> idOf(point.getId())))
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
                .setFilter(filter(filter))
                .setLimit(limit)
                .setWithPayload(WithPayloadSelectorFactory.enable(false))
                .setWithVectors(WithVectorsSelectorFactory.enable(true))
                .build();
    }

    // ---------------------------------------------------------------- answers

    /** The hit of a search result, or empty when the point lacks the payload written by {@link #payload}. */
    public static Optional<VectorHit> hit(ScoredPoint scored) {
        Map<String, Value> payload = scored.getPayloadMap();
        Value kind = payload.get(KIND);
        Value entityId = payload.get(ENTITY_ID);
        if (kind == null || !kind.hasStringValue() || entityId == null || !entityId.hasIntegerValue()) {
            return Optional.empty();
        }
        ItemKind itemKind;
        try {
            itemKind = ItemKind.valueOf(kind.getStringValue());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new VectorHit(idOf(scored.getId()), itemKind, entityId.getIntegerValue(),
                longOf(payload.get(PODCAST_ID)), longOf(payload.get(EPISODE_ID)), doubleOf(payload.get(START)),
                doubleOf(payload.get(END)), scored.getScore()));
    }

    private static Long longOf(Value value) {
        return value != null && value.hasIntegerValue() ? value.getIntegerValue() : null;
    }

    private static Double doubleOf(Value value) {
        if (value == null) {
            return null;
        }
        if (value.hasDoubleValue()) {
            return value.getDoubleValue();
        }
        // A whole number of seconds may come back as a JSON integer.
        return value.hasIntegerValue() ? (double) value.getIntegerValue() : null;
    }

    /**
     * The dense vector of a retrieved point, or empty when it has none. Qdrant stores cosine vectors normalised to
     * unit length, so this is the direction of the vector that was written, not necessarily its values.
     */
    public static Optional<float[]> vector(RetrievedPoint point) {
        if (!point.hasVectors() || !point.getVectors().hasVector()) {
            return Optional.empty();
        }
        DenseVector dense = VectorOutputHelper.getDenseVector(point.getVectors().getVector());
        if (dense == null || dense.getDataCount() == 0) {
            return Optional.empty();
        }
        float[] vector = new float[dense.getDataCount()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = dense.getData(i);
        }
        return Optional.of(vector);
    }
}

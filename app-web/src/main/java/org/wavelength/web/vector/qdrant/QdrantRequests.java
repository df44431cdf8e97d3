package org.wavelength.web.vector.qdrant;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ValueFactory.value;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.VectorOutputHelper;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

/**
 * Builds the gRPC requests {@link QdrantVectorIndex} sends and reads the answers. Pure functions, no I/O, so the
 * mapping between the port's records and Qdrant's protobuf messages is unit-tested without a server.
 */
public final class QdrantRequests {

    // Payload keys. Every VectorPoint field except the id (the point id) and the vector is stored under one of them.
    public static final String KIND = "kind";
    public static final String ENTITY_ID = "entity_id";
    public static final String PODCAST_ID = "podcast_id";
    public static final String LANGUAGE = "language";
    public static final String CATEGORIES = "categories";
    public static final String EXPLICIT = "explicit";
    public static final String DURATION_SECONDS = "duration_seconds";
    /** RFC 3339 UTC timestamp (e.g. {@code 2024-05-01T08:00:00Z}), indexed as Qdrant {@code datetime}. */
    public static final String PUBLISHED_AT = "published_at";

    /** The payload indexes the collection gets, in creation order. Filters on these fields do not scan. */
    public static final Map<String, FieldType> PAYLOAD_INDEXES;

    static {
        Map<String, FieldType> indexes = new LinkedHashMap<>();
        indexes.put(KIND, FieldType.FieldTypeKeyword);
        indexes.put(LANGUAGE, FieldType.FieldTypeKeyword);
        indexes.put(CATEGORIES, FieldType.FieldTypeKeyword);
        indexes.put(ENTITY_ID, FieldType.FieldTypeInteger);
        indexes.put(PODCAST_ID, FieldType.FieldTypeInteger);
        indexes.put(DURATION_SECONDS, FieldType.FieldTypeInteger);
        indexes.put(EXPLICIT, FieldType.FieldTypeBool);
        indexes.put(PUBLISHED_AT, FieldType.FieldTypeDatetime);
        PAYLOAD_INDEXES = java.util.Collections.unmodifiableMap(indexes);
    }

    /** What a search needs back to make a {@link VectorHit}; the rest of the payload is not transferred. */
    static final List<String> HIT_PAYLOAD = List.of(KIND, ENTITY_ID, PODCAST_ID);

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

    /** The Qdrant id, or empty when {@code id} is not a UUID and so cannot name a point in the collection. */
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

    /** Ids that can exist in the collection, sorted so that a request does not depend on set iteration order. */
    static List<PointId> existingPointIds(Collection<String> ids) {
        return ids.stream()
                .map(QdrantRequests::existingPointId)
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(PointId::getUuid))
                .toList();
    }

    // ---------------------------------------------------------------- collection

    /** A single unnamed dense vector of {@code dimension} floats compared by cosine. */
    public static CreateCollection createCollection(String collection, int dimension) {
        return CreateCollection.newBuilder()
                .setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder()
                        .setParams(VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine)))
                .build();
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
     * Why an existing collection cannot serve this index (other vector size, other distance, named vectors),
     * or empty when it can.
     */
    public static Optional<String> incompatibility(CollectionInfo info, int dimension) {
        VectorsConfig vectors = info.getConfig().getParams().getVectorsConfig();
        if (!vectors.hasParams()) {
            return Optional.of("it has named vectors; a single unnamed vector is expected");
        }
        VectorParams params = vectors.getParams();
        if (params.getSize() != dimension) {
            return Optional.of("its vectors have " + params.getSize() + " dimensions, the embedder makes " + dimension
                    + " (was the embedding model changed? use another collection name or re-create it)");
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

    // ---------------------------------------------------------------- writes

    /** The Qdrant point of a port point: UUID id, the vector, and every other field in the payload. */
    public static PointStruct point(VectorPoint point) {
        if (point.vector() == null) {
            throw new IllegalArgumentException("point " + point.id() + " has no vector");
        }
        return PointStruct.newBuilder()
                .setId(pointId(point.id()))
                .setVectors(VectorsFactory.vectors(point.vector()))
                .putAllPayload(payload(point))
                .build();
    }

    /** The payload of a point. Absent (null) fields are left out rather than stored as JSON null. */
    public static Map<String, Value> payload(VectorPoint point) {
        if (point.kind() == null) {
            throw new IllegalArgumentException("point " + point.id() + " has no kind");
        }
        Map<String, Value> payload = new LinkedHashMap<>();
        payload.put(KIND, value(point.kind().name()));
        payload.put(ENTITY_ID, value(point.entityId()));
        if (point.podcastId() != null) {
            payload.put(PODCAST_ID, value(point.podcastId()));
        }
        if (point.language() != null) {
            payload.put(LANGUAGE, value(point.language()));
        }
        List<Value> categories = new ArrayList<>(point.categories().size());
        for (String category : point.categories()) {
            categories.add(value(category));
        }
        payload.put(CATEGORIES, io.qdrant.client.ValueFactory.list(categories));
        payload.put(EXPLICIT, value(point.explicit()));
        if (point.durationSeconds() != null) {
            payload.put(DURATION_SECONDS, value(point.durationSeconds().longValue()));
        }
        if (point.publishedAt() != null) {
            payload.put(PUBLISHED_AT, value(point.publishedAt().toString()));
        }
        return payload;
    }

    /**
     * {@code wait=true}: Qdrant answers only once the operation is applied (written to its write-ahead log and to
     * the segments), so an acknowledged upsert is durable and visible to the next search, as {@code VectorIndex}
     * promises. With {@code wait=false} the answer would only mean "queued".
     */
    public static UpsertPoints upsert(String collection, List<PointStruct> points) {
        return UpsertPoints.newBuilder()
                .setCollectionName(collection)
                .setWait(true)
                .addAllPoints(points)
                .build();
    }

    /** Deletes by id, waiting for the deletion to be applied (see {@link #upsert}). */
    public static DeletePoints delete(String collection, List<PointId> ids) {
        return DeletePoints.newBuilder()
                .setCollectionName(collection)
                .setWait(true)
                .setPoints(PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder().addAllIds(ids)))
                .build();
    }

    // ---------------------------------------------------------------- reads

    /**
     * The Qdrant filter of a port filter: {@code kind} must match, {@code language} must match when set, excluded
     * ids are a {@code must_not has_id}. A null filter or null field does not restrict.
     */
    public static Filter filter(VectorFilter filter) {
        Filter.Builder builder = Filter.newBuilder();
        if (filter == null) {
            return builder.build();
        }
        if (filter.kind() != null) {
            builder.addMust(matchKeyword(KIND, filter.kind().name()));
        }
        if (filter.language() != null) {
            builder.addMust(matchKeyword(LANGUAGE, filter.language()));
        }
        List<PointId> excluded = existingPointIds(filter.excludedIds());
        if (!excluded.isEmpty()) {
            builder.addMustNot(hasId(excluded));
        }
        return builder.build();
    }

    /**
     * The {@code limit} nearest points passing {@code filter}. Uses the Query API (Qdrant's universal search
     * endpoint, which it recommends over the older Search); on a cosine collection the score is the cosine
     * similarity. Only the payload a {@link VectorHit} needs comes back, and no vectors.
     */
    public static QueryPoints search(String collection, float[] vector, VectorFilter filter, int limit) {
        return QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setQuery(QueryFactory.nearest(vector))
                .setFilter(filter(filter))
                .setLimit(limit)
                .setWithPayload(WithPayloadSelectorFactory.include(HIT_PAYLOAD))
                .setWithVectors(WithVectorsSelectorFactory.enable(false))
                .build();
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
        Value podcastId = payload.get(PODCAST_ID);
        Long podcast = podcastId != null && podcastId.hasIntegerValue() ? podcastId.getIntegerValue() : null;
        return Optional.of(new VectorHit(idOf(scored.getId()), itemKind, entityId.getIntegerValue(), podcast,
                scored.getScore()));
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

package org.wavelength.web.vector.qdrant;

import static io.qdrant.client.ValueFactory.value;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorOutputHelper;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

/**
 * How a port point becomes a Qdrant point and a search answer becomes a hit: the ids, the payload
 * keys and their indexes. Pure functions, so the mapping is unit-tested without a server.
 */
public final class QdrantPoints {

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

    private QdrantPoints() {
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
                .map(QdrantPoints::existingPointId)
                .flatMap(Optional::stream)
                .distinct()
                .sorted(Comparator.comparing(PointId::getUuid))
                .toList();
    }

    // ---------------------------------------------------------------- points

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

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
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

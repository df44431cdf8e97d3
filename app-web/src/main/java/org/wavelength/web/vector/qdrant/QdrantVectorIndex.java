package org.wavelength.web.vector.qdrant;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorIndex;
import org.wavelength.core.port.VectorPoint;

/**
 * The production {@link VectorIndex}: one Qdrant collection over gRPC, a single unnamed dense vector per point,
 * cosine distance (scores are cosine similarities). Point ids are the UUID strings of {@link VectorPoint#id()};
 * the other fields are payload (see {@link QdrantRequests}).
 *
 * <p>Thread-safe (the {@link QdrantClient} is). The caller owns the client and closes it. Call
 * {@link #ensureCollection()} once before use. Failures of Qdrant surface as {@link IllegalStateException}.
 */
public class QdrantVectorIndex implements VectorIndex {

    /** Deadline of each call unless another is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Points per upsert request, so that a large batch stays well below gRPC message limits. */
    static final int UPSERT_CHUNK = 256;

    private static final System.Logger LOG = System.getLogger(QdrantVectorIndex.class.getName());

    private final QdrantClient client;
    private final String collection;
    private final int dimension;
    private final Duration timeout;

    public QdrantVectorIndex(QdrantClient client, String collection, int dimension) {
        this(client, collection, dimension, DEFAULT_TIMEOUT);
    }

    public QdrantVectorIndex(QdrantClient client, String collection, int dimension, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.collection = Objects.requireNonNull(collection, "collection");
        if (collection.isBlank()) {
            throw new IllegalArgumentException("collection name is blank");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        this.dimension = dimension;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public String collection() {
        return collection;
    }

    public int dimension() {
        return dimension;
    }

    /**
     * Creates the collection if it is missing (cosine, {@link #dimension()} floats) and any missing payload index of
     * {@link QdrantRequests#PAYLOAD_INDEXES}. Idempotent, and safe when several instances start at once. Fails if an
     * existing collection has another vector size or distance, e.g. after the embedding model changed.
     */
    public void ensureCollection() {
        if (!await(client.collectionExistsAsync(collection, timeout), "check collection")) {
            try {
                await(client.createCollectionAsync(QdrantRequests.createCollection(collection, dimension), timeout),
                        "create collection");
                LOG.log(System.Logger.Level.INFO, "Created Qdrant collection {0} ({1} dimensions, cosine)",
                        collection, dimension);
            } catch (IllegalStateException e) {
                // Another instance may have created it in the meantime; only then is this not an error.
                if (!await(client.collectionExistsAsync(collection, timeout), "check collection")) {
                    throw e;
                }
            }
        }
        CollectionInfo info = await(client.getCollectionInfoAsync(collection, timeout), "read collection info");
        QdrantRequests.incompatibility(info, dimension).ifPresent(reason -> {
            throw new IllegalStateException("Qdrant collection '" + collection + "' cannot be used: " + reason);
        });
        for (Map.Entry<String, FieldType> index : QdrantRequests.missingPayloadIndexes(info).entrySet()) {
            await(client.createPayloadIndexAsync(
                    QdrantRequests.payloadIndex(collection, index.getKey(), index.getValue()), timeout),
                    "create payload index " + index.getKey());
        }
    }

    @Override
    public void upsert(List<VectorPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        // Validate everything before writing anything.
        List<PointStruct> structs = new ArrayList<>(points.size());
        for (VectorPoint point : points) {
            checkDimension(point.vector(), "point " + point.id());
            structs.add(QdrantRequests.point(point));
        }
        for (int from = 0; from < structs.size(); from += UPSERT_CHUNK) {
            List<PointStruct> chunk = structs.subList(from, Math.min(from + UPSERT_CHUNK, structs.size()));
            // wait=true (see QdrantRequests.upsert): once this returns the points are durable and searchable.
            await(client.upsertAsync(QdrantRequests.upsert(collection, chunk), timeout), "upsert");
        }
    }

    @Override
    public void delete(Collection<String> pointIds) {
        // Ids that are not UUIDs cannot be in the collection: nothing to delete for them.
        List<PointId> ids = QdrantRequests.existingPointIds(pointIds);
        if (ids.isEmpty()) {
            return;
        }
        await(client.deleteAsync(QdrantRequests.delete(collection, ids), timeout), "delete");
    }

    @Override
    public List<VectorHit> search(float[] vector, VectorFilter filter, int limit) {
        checkDimension(vector, "query vector");
        if (limit <= 0) {
            return List.of();
        }
        List<ScoredPoint> scored = await(
                client.queryAsync(QdrantRequests.search(collection, vector, filter, limit), timeout), "search");
        List<VectorHit> hits = new ArrayList<>(scored.size());
        for (ScoredPoint point : scored) {
            Optional<VectorHit> hit = QdrantRequests.hit(point);
            if (hit.isPresent()) {
                hits.add(hit.get());
            } else {
                LOG.log(System.Logger.Level.WARNING, "Skipping Qdrant point {0} in {1}: no kind/entity_id payload",
                        QdrantRequests.idOf(point.getId()), collection);
            }
        }
        return hits;
    }

    /** The stored vector. Qdrant keeps cosine vectors normalised to unit length, so this is the written direction. */
    @Override
    public Optional<float[]> vectorOf(String pointId) {
        Optional<PointId> id = QdrantRequests.existingPointId(pointId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<RetrievedPoint> points = await(
                client.retrieveAsync(QdrantRequests.retrieveVector(collection, id.get()), timeout), "retrieve");
        return points.isEmpty() ? Optional.empty() : QdrantRequests.vector(points.get(0));
    }

    /** Exact count (not Qdrant's estimate) of the points passing {@code filter}. */
    @Override
    public long count(VectorFilter filter) {
        return await(client.countAsync(collection, QdrantRequests.filter(filter), true, timeout), "count");
    }

    private void checkDimension(float[] vector, String what) {
        if (vector == null) {
            throw new IllegalArgumentException(what + " has no vector");
        }
        if (vector.length != dimension) {
            throw new IllegalArgumentException(what + " has " + vector.length + " dimensions, collection '"
                    + collection + "' has " + dimension);
        }
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("Interrupted during Qdrant " + what + " on '" + collection + "'", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Qdrant " + what + " on '" + collection + "' failed: " + cause.getMessage(),
                    cause);
        }
    }
}

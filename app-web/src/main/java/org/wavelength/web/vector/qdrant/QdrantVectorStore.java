package org.wavelength.web.vector.qdrant;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.wavelength.core.port.KeywordHit;
import org.wavelength.core.port.KeywordQuery;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.core.port.VectorStore;

/**
 * The production {@link VectorStore}: Qdrant over gRPC. Each collection holds a single unnamed dense vector per point
 * compared by cosine (scores are cosine similarities); point ids are the UUID strings of {@link VectorPoint#id()},
 * the filterable fields are payload (see {@link QdrantPoints}). Aliases are Qdrant aliases, and every read accepts
 * an alias or a collection name because Qdrant resolves aliases itself.
 *
 * <p>Durability: writes are sent with {@code wait=true}, so a write that returns has been applied (write-ahead log and
 * segments) and is visible to the next read.
 *
 * <p>Thread-safe (the {@link QdrantClient} is). The caller owns the client and closes it; TLS and the API key are set
 * on it by whoever builds it (see {@link #client}). Each call has the deadline given to the constructor. Failures of
 * Qdrant (including an unknown collection or alias) surface as {@link IllegalStateException}; invalid arguments (e.g.
 * a point id that is not a UUID) as {@link IllegalArgumentException}.
 */
public class QdrantVectorStore implements VectorStore {

    /** Deadline of each call unless another is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(QdrantVectorStore.class.getName());

    private final QdrantClient client;
    private final Duration timeout;
    private final boolean scalarQuantization;

    /**
     * @param timeout deadline of each call to Qdrant
     * @param scalarQuantization whether collections created from now on get int8 scalar quantization
     */
    public QdrantVectorStore(QdrantClient client, Duration timeout, boolean scalarQuantization) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.scalarQuantization = scalarQuantization;
    }

    public QdrantVectorStore(QdrantClient client) {
        this(client, DEFAULT_TIMEOUT, false);
    }

    /**
     * A client for the Qdrant gRPC port (6334 by default), over TLS when {@code useTls}, sending {@code apiKey} when
     * present (send an API key only over TLS outside of a trusted network). The caller closes it.
     */
    public static QdrantClient client(String host, int port, boolean useTls, Optional<String> apiKey) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(host, port, useTls);
        apiKey.filter(key -> !key.isBlank()).ifPresent(grpc::withApiKey);
        return new QdrantClient(grpc.build());
    }

    // ---------------------------------------------------------------- collections and aliases

    /**
     * Creates the collection if it is missing (cosine, {@code dimension} floats, int8 scalar quantization when this
     * store was built with it) and any missing payload index of {@link QdrantPoints#PAYLOAD_INDEXES}. Idempotent,
     * and safe when several instances create the same collection at once. Fails if the collection exists with another
     * vector size or distance. An existing collection keeps its quantization setting.
     */
    @Override
    public void createCollection(String collection, int dimension) {
        requireName(collection, "collection");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        if (!exists(collection)) {
            try {
                await(client.createCollectionAsync(
                        QdrantRequests.createCollection(collection, dimension, scalarQuantization), timeout),
                        "create collection", collection);
                LOG.log(System.Logger.Level.INFO, "Created Qdrant collection {0} ({1} dimensions, cosine{2})",
                        collection, dimension, scalarQuantization ? ", int8 scalar quantization" : "");
            } catch (IllegalStateException e) {
                // Another instance may have created it in the meantime; only then is this not an error.
                if (!exists(collection)) {
                    throw e;
                }
            }
        }
        CollectionInfo info = await(client.getCollectionInfoAsync(collection, timeout), "read collection info",
                collection);
        QdrantRequests.incompatibility(info, dimension).ifPresent(reason -> {
            throw new IllegalStateException("Qdrant collection '" + collection + "' cannot be used: " + reason);
        });
        for (Map.Entry<String, FieldType> index : QdrantRequests.missingPayloadIndexes(info).entrySet()) {
            await(client.createPayloadIndexAsync(
                    QdrantRequests.payloadIndex(collection, index.getKey(), index.getValue()), timeout),
                    "create payload index " + index.getKey(), collection);
        }
    }

    /** Deletes the collection, its points and the aliases pointing at it; does nothing when it does not exist. */
    @Override
    public void dropCollection(String collection) {
        requireName(collection, "collection");
        try {
            await(client.deleteCollectionAsync(collection, timeout), "drop collection", collection);
        } catch (IllegalStateException e) {
            // The client fails when Qdrant answers "not deleted", which is what a missing collection gets.
            if (exists(collection)) {
                throw e;
            }
        }
    }

    /** Names of all collections (not aliases), sorted. */
    @Override
    public List<String> collections() {
        return await(client.listCollectionsAsync(timeout), "list collections", "(all)").stream().sorted().toList();
    }

    /**
     * Points {@code alias} at {@code collection} with one update-aliases request that deletes the alias and creates
     * it anew ({@link QdrantRequests#switchAlias}): Qdrant applies it atomically for readers, who see the old
     * collection or the new one, never neither. The collection must exist; it is checked first because Qdrant
     * applies the actions one after the other, and a create that fails would leave the alias deleted.
     */
    @Override
    public void setAlias(String alias, String collection) {
        requireName(alias, "alias");
        requireName(collection, "collection");
        if (!exists(collection)) {
            throw new IllegalStateException(
                    "Cannot point Qdrant alias '" + alias + "' at '" + collection + "': no such collection");
        }
        await(client.updateAliasesAsync(QdrantRequests.switchAlias(alias, collection), timeout),
                "set alias " + alias, collection);
    }

    @Override
    public Optional<String> resolveAlias(String alias) {
        requireName(alias, "alias");
        return QdrantRequests.aliasTarget(await(client.listAliasesAsync(timeout), "list aliases", alias), alias);
    }

    // ---------------------------------------------------------------- writes

    /**
     * Upserts in requests of {@link QdrantRequests#UPSERT_BATCH} points, each with {@code wait=true} (an acknowledged
     * write is durable and searchable, see {@link QdrantRequests#upsert}). Every point is validated before the first
     * request; a failure in a later request leaves the earlier batches written (upserts are idempotent: retry).
     */
    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        requireName(collection, "collection");
        if (points.isEmpty()) {
            return;
        }
        for (UpsertPoints batch : QdrantRequests.upsertBatches(collection, points)) {
            await(client.upsertAsync(batch, timeout), "upsert", collection);
        }
    }

    /** Deletes by id with {@code wait=true}. Ids that are not in the collection (or not UUIDs) are ignored. */
    @Override
    public void delete(String collection, Collection<String> pointIds) {
        requireName(collection, "collection");
        List<PointId> ids = QdrantPoints.existingPointIds(pointIds);
        if (ids.isEmpty()) {
            return;
        }
        await(client.deleteAsync(QdrantRequests.delete(collection, ids), timeout), "delete", collection);
    }

    // ---------------------------------------------------------------- reads

    /**
     * Query API with the filter of {@link QdrantFilters#filter}. With {@code maxPerPodcast}, the groups API instead,
     * grouped by podcast id with {@code group_size = maxPerPodcast} and {@code limit} groups; the hits of all groups
     * are flattened in score order and cut to {@code limit} (see {@link QdrantRequests#groups} for why that is
     * exact). Points without a podcast id are not in any group; a second query, sent at the same time, fetches the
     * best of them, each counting as a podcast of its own.
     */
    @Override
    public List<VectorHit> search(String collectionOrAlias, VectorQuery query) {
        requireName(collectionOrAlias, "collection or alias");
        if (query.vector() == null) {
            throw new IllegalArgumentException("the query has no vector");
        }
        if (query.limit() <= 0) {
            return List.of();
        }
        if (query.maxPerPodcast() == null) {
            return run(QdrantRequests.search(collectionOrAlias, query), "search");
        }
        requirePositive(query.maxPerPodcast());
        return runGroups(QdrantRequests.searchGroups(collectionOrAlias, query), query.filter(), query.limit(),
                "search");
    }

    /**
     * Query API with a recommend input, strategy {@code average_vector}, examples as point ids or raw vectors, and
     * the filter; {@code maxPerPodcast} as in {@link #search}. Example points are never returned (Qdrant leaves them
     * out, and the filter excludes them too). Example ids that are not UUIDs cannot be points and are dropped; when
     * no positive example is left the answer is empty without asking Qdrant. Example ids that are UUIDs but not in the
     * collection are Qdrant's call: depending on its version they are ignored or fail the call
     * ({@link IllegalStateException}).
     */
    @Override
    public List<VectorHit> recommend(String collectionOrAlias, RecommendQuery query) {
        requireName(collectionOrAlias, "collection or alias");
        if (query.limit() <= 0) {
            return List.of();
        }
        if (query.maxPerPodcast() == null) {
            return QdrantRequests.recommend(collectionOrAlias, query)
                    .map(request -> run(request, "recommend"))
                    .orElse(List.of());
        }
        requirePositive(query.maxPerPodcast());
        return QdrantRequests.recommendGroups(collectionOrAlias, query)
                .map(request -> runGroups(request, query.filter(), query.limit(), "recommend"))
                .orElse(List.of());
    }

    @Override
    public boolean searchesKeywords() {
        return false;
    }

    /**
     * Always empty: Qdrant offers full-text filtering but no BM25 scoring of it here, and the points' text is not
     * stored. The core falls back to vector search when keyword search has nothing.
     */
    @Override
    public List<KeywordHit> keyword(String collectionOrAlias, KeywordQuery query) {
        return List.of();
    }

    /**
     * The stored vector. Qdrant normalises vectors of cosine collections to unit length when they are written, so
     * this is the direction of the written vector (equal to it only if it was a unit vector).
     */
    @Override
    public Optional<float[]> vectorOf(String collectionOrAlias, String pointId) {
        requireName(collectionOrAlias, "collection or alias");
        Optional<PointId> id = QdrantPoints.existingPointId(pointId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<RetrievedPoint> points = await(
                client.retrieveAsync(QdrantRequests.retrieveVector(collectionOrAlias, id.get()), timeout), "retrieve",
                collectionOrAlias);
        return points.isEmpty() ? Optional.empty() : QdrantPoints.vector(points.get(0));
    }

    /**
     * One scroll request with the filter of {@link QdrantFilters#filter}, vectors and no payload ({@link
     * QdrantRequests#scrollVectors}); Qdrant returns the first {@code limit} passing points in id order.
     */
    @Override
    public Map<String, float[]> vectors(String collectionOrAlias, VectorFilter filter, int limit) {
        requireName(collectionOrAlias, "collection or alias");
        if (limit <= 0) {
            return Map.of();
        }
        ScrollResponse scrolled = await(
                client.scrollAsync(QdrantRequests.scrollVectors(collectionOrAlias, filter, limit), timeout),
                "scroll vectors", collectionOrAlias);
        List<RetrievedPoint> points = scrolled.getResultList();
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (RetrievedPoint point : points) {
            QdrantPoints.vector(point).ifPresent(v -> vectors.put(QdrantPoints.idOf(point.getId()), v));
        }
        return vectors;
    }

    /** Exact count (not Qdrant's estimate) of the points passing {@code filter}. */
    @Override
    public long count(String collectionOrAlias, VectorFilter filter) {
        requireName(collectionOrAlias, "collection or alias");
        return await(client.countAsync(collectionOrAlias, QdrantFilters.filter(filter), true, timeout), "count",
                collectionOrAlias);
    }

    // ---------------------------------------------------------------- helpers

    private List<VectorHit> run(QueryPoints request, String what) {
        return hits(await(client.queryAsync(request, timeout), what, request.getCollectionName()),
                request.getCollectionName());
    }

    private List<VectorHit> runGroups(QueryPointGroups request, VectorFilter filter, int limit, String what) {
        String collection = request.getCollectionName();
        // Both requests are in flight at once; the second is skipped when the filter already requires a podcast.
        Future<List<PointGroup>> grouped = client.queryGroupsAsync(request, timeout);
        Future<List<ScoredPoint>> ungrouped = filter != null && !filter.podcastIds().isEmpty()
                ? null
                : client.queryAsync(QdrantRequests.ungrouped(request), timeout);
        List<PointGroup> groups;
        try {
            groups = await(grouped, what + " (grouped by podcast)", collection);
        } catch (RuntimeException e) {
            if (ungrouped != null) {
                ungrouped.cancel(true);
            }
            throw e;
        }
        List<ScoredPoint> withoutPodcast = ungrouped == null
                ? List.of()
                : await(ungrouped, what + " (points without podcast)", collection);
        return hits(QdrantRequests.flatten(groups, withoutPodcast, limit), collection);
    }

    private static List<VectorHit> hits(List<ScoredPoint> scored, String collection) {
        List<VectorHit> hits = new ArrayList<>(scored.size());
        for (ScoredPoint point : scored) {
            Optional<VectorHit> hit = QdrantPoints.hit(point);
            if (hit.isPresent()) {
                hits.add(hit.get());
            } else {
                LOG.log(System.Logger.Level.WARNING, "Skipping Qdrant point {0} in {1}: no kind/entity_id payload",
                        QdrantPoints.idOf(point.getId()), collection);
            }
        }
        return hits;
    }

    private boolean exists(String collection) {
        return await(client.collectionExistsAsync(collection, timeout), "check collection", collection);
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name is blank");
        }
    }

    private static void requirePositive(int maxPerPodcast) {
        if (maxPerPodcast <= 0) {
            throw new IllegalArgumentException("maxPerPodcast must be positive, got " + maxPerPodcast);
        }
    }

    private <T> T await(Future<T> future, String what, String collection) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("Interrupted during Qdrant " + what + " on '" + collection + "'", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(
                    "Qdrant " + what + " on '" + collection + "' failed: " + cause.getMessage(), cause);
        }
    }
}

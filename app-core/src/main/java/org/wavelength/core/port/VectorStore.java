package org.wavelength.core.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where vectors live: named collections of points compared by cosine, and aliases that name the
 * collection serving a segment (blue/green rebuilds switch an alias atomically). Reads take a
 * collection or an alias name; writes take a collection name.
 *
 * <p>Durability: a write that returns is durable and visible to the next read (each adapter
 * documents how).
 */
public interface VectorStore {

    /** Creates an empty collection for vectors of {@code dimension}; does nothing when it exists. */
    void createCollection(String collection, int dimension);

    void dropCollection(String collection);

    List<String> collections();

    /** Points {@code alias} at {@code collection} atomically: a reader sees the old or the new, never neither. */
    void setAlias(String alias, String collection);

    /** The collection an alias points at. */
    Optional<String> resolveAlias(String alias);

    void upsert(String collection, List<VectorPoint> points);

    void delete(String collection, Collection<String> pointIds);

    List<VectorHit> search(String collectionOrAlias, VectorQuery query);

    List<VectorHit> recommend(String collectionOrAlias, RecommendQuery query);

    /**
     * BM25 keyword search over the points' text, with what each hit matched of the query (see
     * {@link KeywordHit}); stores without it return an empty list.
     */
    List<KeywordHit> keyword(String collectionOrAlias, KeywordQuery query);

    /** Whether {@link #keyword} searches at all (Qdrant here does not): an empty answer then says nothing of the words. */
    default boolean searchesKeywords() {
        return true;
    }

    /** Plain BM25 keyword search ({@link KeywordQuery#of}), the hits alone. */
    default List<VectorHit> keyword(String collectionOrAlias, String text, VectorFilter filter, int limit) {
        return keyword(collectionOrAlias, KeywordQuery.of(text, filter, limit)).stream().map(KeywordHit::hit).toList();
    }

    Optional<float[]> vectorOf(String collectionOrAlias, String pointId);

    /**
     * The stored vectors of up to {@code limit} points that pass {@code filter}, by point id, in one
     * call (as {@link #vectorOf}: the direction of each written vector). Which points come back when
     * more than {@code limit} pass is up to the store; ask for at least {@link #count} to get all.
     */
    Map<String, float[]> vectors(String collectionOrAlias, VectorFilter filter, int limit);

    long count(String collectionOrAlias, VectorFilter filter);
}

package org.wavelength.core.index;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.core.port.VectorStore;

/**
 * One collection and the model its vectors come from. Vectors derived from other vectors (a
 * listener's profile) must be computed from the vectors of the collection they are written to:
 * during a rebuild with another model, the serving and the new collection hold different spaces.
 */
public final class VectorSpace {

    private final VectorStore store;
    private final String collection;
    private final Embedder embedder;
    private final java.util.Map<String, Optional<float[]>> remembered;

    VectorSpace(VectorStore store, String collection, Embedder embedder) {
        this(store, collection, embedder, null);
    }

    private VectorSpace(VectorStore store, String collection, Embedder embedder,
            java.util.Map<String, Optional<float[]>> remembered) {
        this.store = store;
        this.collection = collection;
        this.embedder = embedder;
        this.remembered = remembered;
    }

    /**
     * The same space, remembering the vectors it read: one request reads the same items' vectors
     * for the profile, the reasons and diversity. Not for sharing between requests (writes would go
     * unseen).
     */
    public VectorSpace remembering() {
        return new VectorSpace(store, collection, embedder, new java.util.HashMap<>());
    }

    public String collection() {
        return collection;
    }

    public String model() {
        return embedder.modelName();
    }

    public Optional<float[]> vectorOf(String pointId) {
        if (remembered == null) {
            return store.vectorOf(collection, pointId);
        }
        return remembered.computeIfAbsent(pointId, id -> store.vectorOf(collection, id));
    }

    public float[] embed(String text) {
        return embedder.embed(text);
    }

    public List<VectorHit> search(VectorQuery query) {
        return store.search(collection, query);
    }

    public List<VectorHit> recommend(RecommendQuery query) {
        return store.recommend(collection, query);
    }

    public void upsert(List<VectorPoint> points) {
        store.upsert(collection, points);
    }

    public void delete(Collection<String> pointIds) {
        store.delete(collection, pointIds);
    }
}

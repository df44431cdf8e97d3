package org.wavelength.core.recommend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The smoothed vectors of {@link SimilarPodcasts} already worked out, for one serving collection:
 * the least recently used go beyond {@code capacity}, and all of them after {@code ttlMinutes}
 * (a podcast's neighbourhood changes as podcasts are added, slowly), or when the segment is served
 * by another collection.
 */
final class SmoothedVectors {

    private final int capacity;
    private final long ttlNanos;
    private String collection;
    private long since;
    private final LinkedHashMap<Long, float[]> vectors;

    SmoothedVectors(int capacity, long ttlMinutes) {
        this.capacity = capacity;
        this.ttlNanos = TimeUnit.MINUTES.toNanos(ttlMinutes);
        this.vectors = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, float[]> eldest) {
                return size() > SmoothedVectors.this.capacity;
            }
        };
    }

    synchronized Optional<float[]> get(String servingCollection, long podcastId) {
        expire(servingCollection);
        return Optional.ofNullable(vectors.get(podcastId));
    }

    synchronized void put(String servingCollection, long podcastId, float[] vector) {
        expire(servingCollection);
        vectors.put(podcastId, vector);
    }

    synchronized int size() {
        return vectors.size();
    }

    private void expire(String servingCollection) {
        long now = System.nanoTime();
        if (!servingCollection.equals(collection) || now - since > ttlNanos) {
            vectors.clear();
            collection = servingCollection;
            since = now;
        }
    }
}

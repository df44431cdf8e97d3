package org.wavelength.core.port;

/**
 * A k-NN search: the {@code limit} points nearest to {@code vector} by cosine that pass
 * {@code filter}, best first; with {@code maxPerPodcast} set, at most that many from one podcast.
 */
public record VectorQuery(float[] vector, VectorFilter filter, int limit, Integer maxPerPodcast) {

    public static VectorQuery of(float[] vector, VectorFilter filter, int limit) {
        return new VectorQuery(vector, filter, limit, null);
    }

    public VectorQuery perPodcast(int max) {
        return new VectorQuery(vector, filter, limit, max);
    }
}

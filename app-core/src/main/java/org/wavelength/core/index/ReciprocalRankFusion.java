package org.wavelength.core.index;

/**
 * Reciprocal-rank fusion, the one way rankings are combined here (search with keyword search,
 * strategies in the blend, the assistant's sources): an item scores the sum over the rankings that
 * hold it of {@code weight / (k + rank)}. Only ranks count, because a cosine, a BM25 score and a
 * strategy's score cannot be compared.
 */
public final class ReciprocalRankFusion {

    /**
     * The k of Cormack, Clarke and Büttcher (SIGIR 2009), also the default of Elasticsearch,
     * OpenSearch and Qdrant: rank 1 adds 1/61, rank 10 1/70, so that a first place in one ranking
     * does not outweigh being high in both, and it needs no tuning per corpus.
     */
    public static final int K = 60;

    private ReciprocalRankFusion() {
    }

    /** What a place in one ranking adds; {@code rank} counts from 1. */
    public static double share(int rank) {
        return share(rank, 1);
    }

    /** What a place in a ranking of this weight adds; {@code rank} counts from 1. */
    public static double share(int rank, double weight) {
        if (rank < 1) {
            throw new IllegalArgumentException("Ranks count from 1, not " + rank);
        }
        return weight / (K + rank);
    }
}

package org.wavelength.web.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.web.vector.lucene.LuceneVectorStore;

/**
 * k-NN latency and recall of the embedded Lucene store, printed, never asserted: 100,000 passages of
 * 384 dimensions (all-MiniLM-L6-v2's size), 1,000 queries, k = 10, recall@10 against exact cosine
 * computed here by brute force.
 *
 * <p>The vectors imitate sentence embeddings without needing a model: every vector shares a common
 * direction (embeddings are anisotropic: unrelated texts still score about 0.1 to 0.2), belongs to
 * one of 200 topics (random centres, about 0.25 apart by cosine) and adds isotropic noise so that it
 * scores about 0.74 with its centre and about 0.55 with its topic's other passages. Queries come from
 * the same distribution. The isotropic noise makes the neighbourhoods harder than real ones (real
 * embeddings have a far lower intrinsic dimension), so the recall printed is a floor.
 *
 * <p>Writes go in batches of {@code -Dbenchmark.batch} (1,000) points, each one commit, as a bulk
 * rebuild would. The searches run on the settled index (reopened after the background merges
 * finished), one at a time, after 500 warm-up queries; the latency is that of
 * {@code LuceneVectorStore.search}, stored fields included. Run: {@code ./mvnw -B verify -Pbenchmark -pl app-web -Dtest=VectorSearchBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (fewer vectors with {@code -Dbenchmark.vectors=20000}).
 */
class VectorSearchBenchmark {

    static final int DIMENSION = 384;
    static final int TOPICS = 200;
    static final int QUERIES = 1_000;
    static final int WARM_UP_QUERIES = 500;
    static final int K = 10;
    static final double COMMON = 0.6;
    static final double NOISE = 0.9;

    @TempDir
    Path folder;

    @Test
    void knnLatencyAndRecall() throws IOException {
        int count = Integer.getInteger("benchmark.vectors", 100_000);
        int batch = Integer.getInteger("benchmark.batch", 1_000);
        Embeddings embeddings = new Embeddings(new Random(20240601));
        float[][] vectors = embeddings.next(count);
        float[][] queries = embeddings.next(QUERIES);
        float[][] warmUp = embeddings.next(WARM_UP_QUERIES);

        long start = System.nanoTime();
        int[][] exact = exactTopK(vectors, queries, K);
        System.out.printf("Exact top-%d of %d queries by brute force in %.1f s%n", K, QUERIES,
                (System.nanoTime() - start) / 1e9);

        try (LuceneVectorStore store = new LuceneVectorStore(folder)) {
            store.createCollection("passages", DIMENSION);
            start = System.nanoTime();
            for (int from = 0; from < count; from += batch) {
                List<VectorPoint> points = new ArrayList<>(batch);
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    points.add(passage(i, vectors[i]));
                }
                store.upsert("passages", points);
            }
            double indexingSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Indexed %d x %d in %.1f s (%.0f vectors/s, batches of %d, one commit each)%n", count,
                    DIMENSION, indexingSeconds, count / indexingSeconds, batch);
            start = System.nanoTime();
        }
        // Closing waits for the background merges; searching while they run would measure them too.
        System.out.printf("Merges settled %.1f s later; %d segments%n", (System.nanoTime() - start) / 1e9,
                segments(folder.resolve("passages")));

        try (LuceneVectorStore store = new LuceneVectorStore(folder)) {
            for (float[] query : warmUp) {
                store.search("passages", VectorQuery.of(query, VectorFilter.ALL, K));
            }
            double[] latencies = new double[QUERIES];
            double recall = 0;
            for (int q = 0; q < QUERIES; q++) {
                long t0 = System.nanoTime();
                List<VectorHit> hits = store.search("passages", VectorQuery.of(queries[q], VectorFilter.ALL, K));
                latencies[q] = (System.nanoTime() - t0) / 1e6;
                recall += overlap(hits, exact[q]) / (double) K;
            }
            recall /= QUERIES;
            Arrays.sort(latencies);
            System.out.printf("Vector search (Lucene HNSW, %d x %d): p50 %.2f ms, p99 %.2f ms, recall@%d %.3f%n", count,
                    DIMENSION, percentile(latencies, 0.50), percentile(latencies, 0.99), K, recall);
        }
    }

    static long segments(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".si")).count();
        }
    }

    static VectorPoint passage(int i, float[] vector) {
        long podcast = i / 500;
        long episode = i / 20;
        return new VectorPoint(PointIds.of(ItemKind.PASSAGE, i), new PointPayload(ItemKind.PASSAGE, i, podcast, episode,
                "en", List.of(), false, 1800, null, (i % 20) * 30.0, (i % 20) * 30.0 + 30), null, vector);
    }

    static int overlap(List<VectorHit> hits, int[] exact) {
        int found = 0;
        for (VectorHit hit : hits) {
            for (int e : exact) {
                if (hit.entityId() == e) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    /** The indices of the k vectors nearest to each query by cosine (all vectors are unit length). */
    static int[][] exactTopK(float[][] vectors, float[][] queries, int k) {
        int[][] result = new int[queries.length][];
        IntStream.range(0, queries.length).parallel().forEach(q -> {
            float[] query = queries[q];
            int[] best = new int[k];
            float[] scores = new float[k];
            Arrays.fill(scores, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < vectors.length; i++) {
                float[] v = vectors[i];
                float dot = 0;
                for (int d = 0; d < v.length; d++) {
                    dot += v[d] * query[d];
                }
                if (dot > scores[k - 1]) {
                    int at = k - 1;
                    while (at > 0 && scores[at - 1] < dot) {
                        scores[at] = scores[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    scores[at] = dot;
                    best[at] = i;
                }
            }
            result[q] = best;
        });
        return result;
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Unit vectors around {@value #TOPICS} topic centres that share a common direction; see the class comment. */
    static final class Embeddings {
        private final Random random;
        private final float[][] centres = new float[TOPICS][];

        Embeddings(Random random) {
            this.random = random;
            double[] common = unit(gaussian(DIMENSION));
            for (int t = 0; t < TOPICS; t++) {
                double[] own = unit(gaussian(DIMENSION));
                double[] centre = new double[DIMENSION];
                for (int d = 0; d < DIMENSION; d++) {
                    centre[d] = COMMON * common[d] + own[d];
                }
                centres[t] = toFloat(unit(centre));
            }
        }

        float[][] next(int count) {
            float[][] vectors = new float[count][];
            for (int i = 0; i < count; i++) {
                vectors[i] = around(random.nextInt(TOPICS));
            }
            return vectors;
        }

        /** A vector of one topic: its centre plus noise. */
        float[] around(int topic) {
            double scale = NOISE / Math.sqrt(DIMENSION);
            float[] centre = centres[topic];
            double[] v = new double[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] = centre[d] + scale * random.nextGaussian();
            }
            return toFloat(unit(v));
        }

        private double[] gaussian(int n) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
            }
            return v;
        }

        private static double[] unit(double[] v) {
            double sum = 0;
            for (double x : v) {
                sum += x * x;
            }
            double norm = Math.sqrt(sum);
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
            return v;
        }

        private static float[] toFloat(double[] v) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            return f;
        }
    }
}

package org.wavelength.web.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexWrites;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorStore;
import org.wavelength.web.embedding.EmbeddingConfig;
import org.wavelength.web.embedding.SegmentEmbedders;

/**
 * The English model, quantized (int8) against full precision all-MiniLM-L6-v2, on the 4,560 Apple
 * Podcasts shows: genre precision@10 of cosine nearest neighbours (the genre is never embedded),
 * throughput, memory; and in the same run, raw model throughput against the application's path
 * ({@link Embedder} adapter, then {@link CatalogueIndexer} into an in-memory vector store). Also a
 * Chinese sanity check of bge-small-zh-v1.5. Prints figures, asserts nothing. Plain JUnit.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmark -pl app-web -am -Dtest=EmbeddingBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (reads {@code -Dcorpus.dir}; fewer shows with
 * {@code -Dbenchmark.shows=1000}). About ten minutes on two cores.
 */
class EmbeddingBenchmark {

    static final int BATCH = 32;
    static final int K = 10;
    static final String QUANTIZED = "all-minilm-l6-v2-q";
    static final String FULL = "all-minilm-l6-v2";

    record Config(Map<String, String> models, String defaultModel) implements EmbeddingConfig {
    }

    record Show(String title, String producer, String genre, String description, int episodes) {
    }

    /** Shows per round: each round runs every path of every model on the same batch, in rotating order. */
    static final int CHUNK = BATCH;

    /** One model's paths, timed on the same texts. */
    static final class Run {
        final String id;
        final Embedder embedder;
        final EmbeddingModel model;
        final long loadMillis;
        final long rssMb;
        final AtomicLong written = new AtomicLong();
        final IndexWrites writes;
        final CatalogueIndexer indexer;
        final float[][] vectors;
        long rawNanos;
        long adapterNanos;
        long indexerNanos;

        Run(String id, SegmentEmbedders embedders, int size, long loadMillis, long rssMb) {
            this.id = id;
            this.embedder = embedders.forModel(id);
            this.model = embedders.model(id);
            this.loadMillis = loadMillis;
            this.rssMb = rssMb;
            this.vectors = new float[size][];
            // The segment's serving collection is this model's, so the index embeds with it.
            VectorStore store = inMemoryStore(written);
            String collection = Segments.collection("en", id, 1);
            store.createCollection(collection, embedder.dimension());
            store.setAlias(Segments.alias("en"), collection);
            this.writes = new IndexWrites(new SegmentedIndex(store, embedders), IndexWrites.Mode.BATCH, BATCH,
                    lag -> { }, Clock.systemUTC());
            this.indexer = new CatalogueIndexer(writes);
        }

        static double perSecond(int texts, long nanos) {
            return texts / (nanos / 1e9);
        }
    }

    @Test
    void englishModelsAndPipeline() throws IOException {
        String corpus = System.getProperty("corpus.dir");
        Path catalogue = corpus == null ? null : Path.of(corpus, "catalogue", "apple-podcasts-2019.json");
        Assumptions.assumeTrue(catalogue != null && Files.isRegularFile(catalogue),
                "Skipped: the benchmark needs the shared data (-Dcorpus.dir=../shared/data)");
        List<Show> shows = shows(catalogue, Integer.getInteger("benchmark.shows", Integer.MAX_VALUE));
        List<String> texts = shows.stream().map(s -> ItemTexts.of(podcast(0, s))).toList();
        List<String> genres = shows.stream().map(Show::genre).toList();
        System.out.printf("%n=== Embedding benchmark: %d shows, %d genres, batches of %d, %d CPUs, load average %s, %s ===%n",
                shows.size(), genres.stream().distinct().count(), BATCH, Runtime.getRuntime().availableProcessors(),
                loadAverage(), System.getProperty("java.vm.name") + " " + Runtime.version());
        System.out.printf("Genre precision@%d of a random ranking: %.3f%n", K, randomPrecision(genres));

        try (SegmentEmbedders embedders = new SegmentEmbedders(new Config(Map.of("en", QUANTIZED), QUANTIZED),
                new SimpleMeterRegistry())) {
            List<Run> runs = new ArrayList<>();
            for (String id : List.of(QUANTIZED, FULL)) {
                long rssBefore = rssMb();
                long start = System.nanoTime();
                embedders.model(id); // loads the ONNX model and its tokenizer
                long loadMillis = (System.nanoTime() - start) / 1_000_000;
                embedders.forModel(id).embedAll(texts.subList(0, Math.min(4 * BATCH, texts.size()))); // warm-up
                long rssAfter = rssMb();
                runs.add(new Run(id, embedders, texts.size(), loadMillis,
                        rssBefore < 0 || rssAfter < 0 ? -1 : rssAfter - rssBefore));
            }

            // Machine load drifts (other builds): every round times all paths on the same batch, in turn.
            for (int from = 0, round = 0; from < texts.size(); from += CHUNK, round++) {
                int to = Math.min(from + CHUNK, texts.size());
                for (Run run : runs) {
                    int first = from;
                    List<Runnable> paths = new ArrayList<>();
                    paths.add(() -> run.rawNanos += timed(() -> embedRaw(run.model, texts, first, to, run.vectors)));
                    paths.add(() -> run.adapterNanos += timed(() -> embedAdapter(run.embedder, texts, first, to)));
                    paths.add(() -> run.indexerNanos += timed(() -> {
                        for (int i = first; i < to; i++) {
                            run.indexer.index(new StoredFeed(podcast(i + 1, shows.get(i)), List.of()));
                        }
                        run.writes.flush();
                    }));
                    // Whichever path runs first after the other model pays for cold caches: take turns.
                    Collections.rotate(paths, round);
                    paths.forEach(Runnable::run);
                }
            }

            int n = texts.size();
            System.out.printf("%n%-20s %8s %8s %9s %8s %10s %11s %12s %12s%n", "model", "load ms", "RSS +MB",
                    "genre P@" + K, "raw/s", "adapter/s", "indexer/s", "adapter/raw", "indexer/raw");
            for (Run run : runs) {
                if (run.written.get() != n) {
                    throw new IllegalStateException(run.id + ": the store got " + run.written.get() + " of " + n);
                }
                System.out.printf("%-20s %8d %8s %9.3f %8.1f %10.1f %11.1f %11.1f%% %11.1f%%%n", run.id,
                        run.loadMillis, run.rssMb < 0 ? "n/a" : String.valueOf(run.rssMb),
                        precisionAtK(run.vectors, genres), Run.perSecond(n, run.rawNanos),
                        Run.perSecond(n, run.adapterNanos), Run.perSecond(n, run.indexerNanos),
                        100.0 * run.rawNanos / run.adapterNanos, 100.0 * run.rawNanos / run.indexerNanos);
            }
            System.out.println("(raw: the LangChain4j model; adapter: the Embedder; indexer: CatalogueIndexer -> "
                    + "IndexWrites -> SegmentedIndex -> in-memory store; texts per second; target >= 90%)");
            agreement(runs.get(0).vectors, runs.get(1).vectors, genres);
            System.out.printf("Load average at the end: %s%n", loadAverage());

            chinese(embedders.forModel("bge-small-zh-v15-q"));
        }
    }

    // --- Throughput ---------------------------------------------------------------------------------

    static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    static void embedRaw(EmbeddingModel model, List<String> texts, int from, int to, float[][] vectors) {
        for (int at = from; at < to; at += BATCH) {
            List<TextSegment> batch = texts.subList(at, Math.min(at + BATCH, to)).stream().map(TextSegment::from)
                    .toList();
            var embeddings = model.embedAll(batch).content();
            for (int i = 0; i < embeddings.size(); i++) {
                vectors[at + i] = embeddings.get(i).vector();
            }
        }
    }

    static void embedAdapter(Embedder embedder, List<String> texts, int from, int to) {
        for (int at = from; at < to; at += BATCH) {
            embedder.embedAll(texts.subList(at, Math.min(at + BATCH, to)));
        }
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /**
     * The least of a vector store the write path needs, as a proxy so that the other methods of a
     * port under change do not have to be written out here.
     */
    static VectorStore inMemoryStore(AtomicLong written) {
        Map<String, String> aliases = new ConcurrentHashMap<>();
        Map<String, Map<String, float[]>> collections = new ConcurrentHashMap<>();
        return (VectorStore) Proxy.newProxyInstance(VectorStore.class.getClassLoader(),
                new Class<?>[] {VectorStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "createCollection" -> {
                        collections.putIfAbsent((String) args[0], new ConcurrentHashMap<>());
                        yield null;
                    }
                    case "collections" -> List.copyOf(collections.keySet());
                    case "setAlias" -> aliases.put((String) args[0], (String) args[1]);
                    case "resolveAlias" -> Optional.ofNullable(aliases.get((String) args[0]));
                    case "upsert" -> {
                        @SuppressWarnings("unchecked")
                        List<VectorPoint> points = (List<VectorPoint>) args[1];
                        points.forEach(p -> collections.get((String) args[0]).put(p.id(), p.vector()));
                        written.addAndGet(points.size());
                        yield null;
                    }
                    case "toString" -> "in-memory store";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    // --- Quality -------------------------------------------------------------------------------------

    /** Mean share of the K nearest shows (cosine, self excluded) that have the show's genre. */
    static double precisionAtK(float[][] vectors, List<String> genres) {
        return Arrays.stream(precisions(vectors, genres)).average().orElse(0);
    }

    /** Each show's share of its K nearest shows that have its genre. */
    static double[] precisions(float[][] vectors, List<String> genres) {
        return SimilarPodcastQualityBenchmark.precisions(nearest(normalized(vectors)), genres);
    }

    /** How close the two models' vectors and neighbourhoods are, text by text. */
    static void agreement(float[][] quantized, float[][] full, List<String> genres) {
        float[][] q = normalized(quantized);
        float[][] f = normalized(full);
        double cosine = IntStream.range(0, q.length).mapToDouble(i -> dot(q[i], f[i])).average().orElse(0);
        int[][] nq = nearest(q);
        int[][] nf = nearest(f);
        double overlap = IntStream.range(0, q.length).mapToDouble(i -> {
            int common = 0;
            for (int a : nq[i]) {
                for (int b : nf[i]) {
                    common += a == b ? 1 : 0;
                }
            }
            return (double) common / K;
        }).average().orElse(0);
        System.out.printf("Quantized vs full: mean cosine of the same text's two vectors %.4f; top-%d neighbour overlap"
                + " %.1f%%%n", cosine, K, 100 * overlap);
        double[] pq = precisions(quantized, genres);
        double[] pf = precisions(full, genres);
        double[] diff = IntStream.range(0, pq.length).mapToDouble(i -> pf[i] - pq[i]).toArray();
        double mean = Arrays.stream(diff).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(diff).map(d -> (d - mean) * (d - mean)).sum() / (diff.length - 1));
        System.out.printf("Genre P@%d, full minus quantized, paired by show: %+.4f (standard error %.4f)%n", K, mean,
                sd / Math.sqrt(diff.length));
    }

    static int[][] nearest(float[][] unit) {
        int[][] result = new int[unit.length][];
        IntStream.range(0, unit.length).parallel().forEach(i -> {
            int[] best = new int[K];
            double[] scores = new double[K];
            Arrays.fill(scores, Double.NEGATIVE_INFINITY);
            for (int j = 0; j < unit.length; j++) {
                if (j == i) {
                    continue;
                }
                double s = dot(unit[i], unit[j]);
                if (s > scores[K - 1]) {
                    int at = K - 1;
                    while (at > 0 && scores[at - 1] < s) {
                        scores[at] = scores[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    scores[at] = s;
                    best[at] = j;
                }
            }
            result[i] = best;
        });
        return result;
    }

    static double randomPrecision(List<String> genres) {
        Map<String, Long> counts = new HashMap<>();
        genres.forEach(g -> counts.merge(g, 1L, Long::sum));
        double n = genres.size();
        return counts.values().stream().mapToDouble(c -> (c / n) * ((c - 1) / (n - 1))).sum();
    }

    // --- Chinese -------------------------------------------------------------------------------------

    static void chinese(Embedder zh) {
        String query = "怎么在家做好吃的中国菜";
        List<String> related = List.of("这档播客每周教你做一道简单的家常菜，从红烧肉到麻婆豆腐", "美食节目：厨师分享川菜和粤菜的烹饪技巧");
        List<String> unrelated = List.of("本期节目讨论股票市场的波动和长期投资策略", "足球评论：本赛季中超联赛的精彩进球回顾");
        List<String> all = new ArrayList<>(List.of(query));
        all.addAll(related);
        all.addAll(unrelated);
        float[][] v = normalized(zh.embedAll(all).toArray(float[][]::new));
        System.out.printf("%nChinese sanity (%s, %d dimensions), query \"%s\":%n", zh.modelName(), zh.dimension(), query);
        for (int i = 1; i < all.size(); i++) {
            System.out.printf("  %s %.3f  %s%n", i <= related.size() ? "related  " : "unrelated", dot(v[0], v[i]),
                    all.get(i));
        }
        double worstRelated = IntStream.rangeClosed(1, related.size()).mapToDouble(i -> dot(v[0], v[i])).min().orElse(0);
        double bestUnrelated = IntStream.range(related.size() + 1, all.size()).mapToDouble(i -> dot(v[0], v[i]))
                .max().orElse(0);
        System.out.printf("  every related sentence closer than every unrelated one: %s%n%n", worstRelated > bestUnrelated);
    }

    // --- Helpers -------------------------------------------------------------------------------------

    static Podcast podcast(long id, Show show) {
        // No categories: the genre must not reach the text (ItemTexts would add them).
        return new Podcast(id, id, "https://example.com/" + id, show.title(), show.producer(), show.description(), "en",
                List.of(), null, null, false, show.episodes());
    }

    static List<Show> shows(Path catalogue, int limit) throws IOException {
        List<Show> shows = new ArrayList<>();
        for (JsonNode node : new ObjectMapper().readTree(catalogue.toFile())) {
            if (shows.size() == limit) {
                break;
            }
            shows.add(new Show(node.path("title").asText(""), node.path("producer").asText(""),
                    node.path("genre").asText(""), node.path("description").asText(""),
                    node.path("num_episodes").asInt(0)));
        }
        return shows;
    }

    static float[][] normalized(float[][] vectors) {
        float[][] unit = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            double norm = Math.sqrt(dot(vectors[i], vectors[i]));
            unit[i] = new float[vectors[i].length];
            for (int d = 0; d < unit[i].length; d++) {
                unit[i][d] = (float) (vectors[i][d] / norm);
            }
        }
        return unit;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Resident memory of this process (Linux), or -1: the models live mostly off-heap (ONNX Runtime). */
    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}

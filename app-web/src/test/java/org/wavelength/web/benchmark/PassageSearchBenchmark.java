package org.wavelength.web.benchmark;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexWrites;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.Embedders;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.search.CatalogueSearch.Hit;
import org.wavelength.core.search.CatalogueSearch.Query;
import org.wavelength.core.search.CatalogueSearch.Ranking;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.ingest.transcript.PassageChunker;
import org.wavelength.ingest.transcript.TranscriptParser;
import org.wavelength.web.benchmark.LooseRecollections.Kind;
import org.wavelength.web.embedding.EmbeddingConfig;
import org.wavelength.web.embedding.SegmentEmbedders;
import org.wavelength.web.vector.lucene.LuceneVectorStore;

/**
 * Known-item passage search on The Changelog's 67 human-edited Markdown transcripts: a sentence of a
 * transcript is what the listener remembers, and the search must find a passage of its episode that
 * holds the whole sentence, with the start time the reader and chunker gave that passage. Prints,
 * with the latency of a search:
 *
 * <ul>
 * <li><b>Verbatim</b>: the sentence quoted word for word. MRR@10 and recall@1/@10 of the semantic
 * ranking alone, the keyword (BM25) ranking alone, both fused by reciprocal rank, and that with the
 * exact-phrase ranking (the product); the share of queries whose first right passage also has the
 * right start.
 * <li><b>Loose</b>: the sentence remembered imperfectly, in each {@link LooseRecollections.Kind}
 * (words shuffled, dropped, said otherwise, the key words only, misspelled, all at once): MRR@10 and
 * recall@1/@10 of the product per kind, with the single rankings beside it. Two sets of sentences:
 * a tuning set, the one the search's choices were made on, and a held-out set (the verbatim
 * queries' sentences), which nothing was tuned on: the held-out figures are the ones to quote.
 * </ul>
 * Also measures the reader's times on markers held out ({@link MarkerTimes}). Asserts nothing.
 *
 * <p>The product path throughout: {@link TranscriptParser} (Markdown), {@link PassageChunker} with the
 * model's word-piece counter ({@link ChangelogCorpus}), {@link CatalogueIndexer} through real-time
 * {@link IndexWrites} into a {@link SegmentedIndex} over a {@link LuceneVectorStore} in a temporary
 * folder, embedded in process with all-minilm-l6-v2-q, and {@link CatalogueSearch} restricted to
 * passages. Only the catalogue is a map here (podcasts, episodes and passages by id), since the
 * passages come from files.
 *
 * <p>Sentences: {@value #QUERIES} per set (java.text.BreakIterator), of at least {@value #MIN_WORDS}
 * words, drawn with a fixed seed among those that occur once in the corpus (a repeated "Thank you so
 * much for having me." has no single right answer) and are whole in at least one passage (the
 * overlap between passages is about two sentences, so a long sentence at a boundary can be whole in
 * neither). The held-out set is the first {@value #QUERIES} drawn, the tuning set the next.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmark -pl app-web -am -Dtest=PassageSearchBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (reads {@code -Dcorpus.dir}, by default
 * {@code ../shared/data}). About ten minutes on two cores, most of it embedding the passages.
 */
class PassageSearchBenchmark {

    static final String MODEL = "all-minilm-l6-v2-q";
    static final int QUERIES = 500;
    static final int MIN_WORDS = 8;
    static final int K = 10;
    static final long SEED = 20240601L;
    static final int WARM_UP = 20;

    record Config(Map<String, String> models, String defaultModel) implements EmbeddingConfig {
    }

    /** A sentence and the episode it was taken from. */
    record Known(String sentence, long episodeId) {
    }

    /** What the listener typed for a known sentence. */
    record Asked(String text, Known known) {
    }

    /** The figures of one ranking on one list of queries. */
    record Figures(double mrr, double recallAt1, double recallAtK, double startRight, double neighbour,
            double[] sortedMillis, List<Known> missed) {

        String latency() {
            return String.format(Locale.ROOT, "%9.1f %9.1f %9.1f", Arrays.stream(sortedMillis).average().orElse(0),
                    percentile(sortedMillis, 0.50), percentile(sortedMillis, 0.95));
        }
    }

    @TempDir
    Path folder;

    @Test
    void knownItemPassageSearch() throws IOException {
        String corpus = System.getProperty("corpus.dir");
        Path root = corpus == null ? null : Path.of(corpus, "transcript-corpus", "changelog");
        Assumptions.assumeTrue(root != null && Files.isDirectory(root),
                "Skipped: the benchmark needs the shared data (-Dcorpus.dir=../shared/data with "
                        + "transcript-corpus/changelog in it)");
        ChangelogCorpus changelog = ChangelogCorpus.read(root);
        ChangelogCorpus.Stats stats = changelog.stats();
        System.out.printf("%n=== Passage search benchmark: %d Markdown transcripts of %d shows, %d CPUs, load average %s ===%n",
                changelog.files().size(), changelog.podcasts().size(), Runtime.getRuntime().availableProcessors(),
                EmbeddingBenchmark.loadAverage());
        System.out.printf("Read and chunked in %.1f s: %d segments, %d time markers (%d transcripts without any), "
                + "%d passages%n", stats.readSeconds(), stats.segments(), stats.markers(), stats.untimed(),
                changelog.passages().size());
        MarkerTimes.print(changelog.files());
        try (SegmentEmbedders embedders = new SegmentEmbedders(new Config(Map.of("en", MODEL), MODEL),
                new SimpleMeterRegistry()); LuceneVectorStore store = new LuceneVectorStore(folder)) {
            run(changelog, embedders, store);
        }
    }

    /** Indexes the corpus through the product path and prints every figure. */
    static void run(ChangelogCorpus changelog, Embedders embedders, LuceneVectorStore store) {
        SegmentedIndex index = new SegmentedIndex(store, embedders);
        IndexWrites writes = new IndexWrites(index, IndexWrites.Mode.REALTIME, 64, lag -> { }, Clock.systemUTC());
        CatalogueIndexer indexer = new CatalogueIndexer(writes);
        long t0 = System.nanoTime();
        for (var entry : changelog.passagesByEpisode().entrySet()) {
            Episode episode = changelog.episodes().get(entry.getKey());
            indexer.indexPassages(changelog.podcasts().get(episode.podcastId()), episode, entry.getValue());
        }
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Indexed %d passages (%s, Lucene) in %.1f s: %.1f passages/s%n", changelog.passages().size(),
                MODEL, indexSeconds, changelog.passages().size() / indexSeconds);

        List<Known> drawn = drawn(changelog);
        List<Known> heldOut = drawn.subList(0, Math.min(QUERIES, drawn.size()));
        List<Known> tuning = drawn.subList(heldOut.size(), Math.min(2 * QUERIES, drawn.size()));
        CatalogueSearch search = new CatalogueSearch(catalogue(changelog.podcasts(), changelog.episodes(),
                changelog.passages()), index);
        for (Known known : tuning.subList(0, Math.min(WARM_UP, tuning.size()))) {
            for (Ranking ranking : Ranking.values()) {
                search.search(query(known.sentence(), ranking));
            }
        }
        verbatim(search, changelog, heldOut);
        LooseRecollections loose = new LooseRecollections(changelog.passages().values().stream().map(Passage::text).toList());
        examples(loose, heldOut.get(0));
        loose(search, changelog, loose, "tuning set", tuning, SEED + 1);
        loose(search, changelog, loose, "held-out set", heldOut, SEED);
        System.out.printf("Load average at the end: %s%n%n", EmbeddingBenchmark.loadAverage());
    }

    private static void verbatim(CatalogueSearch search, ChangelogCorpus changelog, List<Known> queries) {
        System.out.printf("%nVerbatim quotes, held-out set:%n%-16s %7s %9s %10s %12s %10s %9s %9s %9s%n", "ranking",
                "MRR@" + K, "recall@1", "recall@" + K, "start right", "neighbour", "mean ms", "p50 ms", "p95 ms");
        List<Asked> asked = queries.stream().map(k -> new Asked(k.sentence(), k)).toList();
        Map<Ranking, Figures> byRanking = new HashMap<>();
        for (Ranking ranking : Ranking.values()) {
            Figures f = measure(search, changelog, asked, ranking);
            byRanking.put(ranking, f);
            System.out.printf("%-16s %7.3f %9.3f %10.3f %12.3f %10.3f %s%n", name(ranking), f.mrr(), f.recallAt1(),
                    f.recallAtK(), f.startRight(), f.neighbour(), f.latency());
        }
        System.out.printf("(%d queries; start right: the first passage that holds the sentence starts where the "
                + "reader and chunker started it; neighbour: the first result is wrong but next to a right one; "
                + "latency: CatalogueSearch.search, query embedding included)%n", queries.size());
        List<Known> fusedMisses = byRanking.get(Ranking.FUSED).missed();
        System.out.printf("Missed by the fused ranking: %d; by both single rankings: %d. Some misses:%n",
                fusedMisses.size(), byRanking.get(Ranking.SEMANTIC).missed().stream()
                        .filter(byRanking.get(Ranking.KEYWORD).missed()::contains).count());
        fusedMisses.stream().limit(3).forEach(k -> System.out.printf("  \"%s\"%n", k.sentence()));
    }

    private static void examples(LooseRecollections loose, Known known) {
        System.out.printf("%nLoose recollections of \"%s\":%n", known.sentence());
        for (Kind kind : Kind.values()) {
            System.out.printf("  %-28s %s%n", kind.label, loose.of(kind, known.sentence(), SEED));
        }
    }

    /** The product and the single rankings per kind of recollection, then all kinds together. */
    private static void loose(CatalogueSearch search, ChangelogCorpus changelog, LooseRecollections loose, String set,
            List<Known> sentences, long seed) {
        System.out.printf("%nLoose recollections, %s (%d sentences):%n%-28s %7s %9s %10s %9s %9s %9s %9s %9s%n", set,
                sentences.size(), "kind", "MRR@" + K, "recall@1", "recall@" + K, "bm25", "semantic", "mean ms",
                "p50 ms", "p95 ms");
        List<Asked> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Asked> asked = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) {
                Known known = sentences.get(i);
                asked.add(new Asked(loose.of(kind, known.sentence(), seed * 1_000_003 + i), known));
            }
            all.addAll(asked);
            row(kind.label, search, changelog, asked);
        }
        row("all loose", search, changelog, all);
        System.out.println("(MRR@10 and recall of the product; bm25 and semantic: MRR@10 of each ranking alone)");
    }

    private static void row(String label, CatalogueSearch search, ChangelogCorpus changelog, List<Asked> asked) {
        Figures fused = measure(search, changelog, asked, Ranking.FUSED);
        Figures bm25 = measure(search, changelog, asked, Ranking.KEYWORD);
        Figures semantic = measure(search, changelog, asked, Ranking.SEMANTIC);
        System.out.printf("%-28s %7.3f %9.3f %10.3f %9.3f %9.3f %s%n", label, fused.mrr(), fused.recallAt1(),
                fused.recallAtK(), bm25.mrr(), semantic.mrr(), fused.latency());
    }

    static Figures measure(CatalogueSearch search, ChangelogCorpus changelog, List<Asked> queries, Ranking ranking) {
        Map<Long, List<Passage>> passagesByEpisode = changelog.passagesByEpisode();
        double reciprocalRanks = 0;
        int first = 0;
        int top = 0;
        int startRight = 0;
        int neighbour = 0;
        double[] millis = new double[queries.size()];
        List<Known> missed = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            Known known = queries.get(q).known();
            long start = System.nanoTime();
            List<Hit> hits = search.search(query(queries.get(q).text(), ranking));
            millis[q] = (System.nanoTime() - start) / 1e6;
            int rank = 0;
            for (int r = 0; r < hits.size() && rank == 0; r++) {
                if (holds(hits.get(r), known)) {
                    rank = r + 1;
                    startRight += startIsRight(hits.get(r), known, passagesByEpisode) ? 1 : 0;
                }
            }
            if (rank != 1 && !hits.isEmpty() && nextTo(hits.get(0), known, passagesByEpisode)) {
                neighbour++;
            }
            if (rank > 0) {
                reciprocalRanks += 1.0 / rank;
                first += rank == 1 ? 1 : 0;
                top++;
            } else {
                missed.add(known);
            }
        }
        Arrays.sort(millis);
        double n = Math.max(1, queries.size());
        return new Figures(reciprocalRanks / n, first / n, top / n, startRight / n, neighbour / n, millis, missed);
    }

    static String name(Ranking ranking) {
        return switch (ranking) {
            case FUSED -> "fused";
            case FUSED_WITHOUT_PHRASE -> "fused w/o phrase";
            case SEMANTIC -> "semantic";
            case KEYWORD -> "bm25";
        };
    }

    static Query query(String text, Ranking ranking) {
        return new Query(text, Set.of(ItemKind.PASSAGE), VectorFilter.ALL, K, ranking);
    }

    /** The hit is a passage of the query's episode that holds the whole sentence. */
    static boolean holds(Hit hit, Known known) {
        return hit.episode().id() == known.episodeId() && normalised(hit.passage().text()).contains(known.sentence());
    }

    /** The hit is the passage just before or after one that holds the sentence. */
    static boolean nextTo(Hit hit, Known known, Map<Long, List<Passage>> passagesByEpisode) {
        return hit.episode().id() == known.episodeId() && passagesByEpisode.get(known.episodeId()).stream()
                .filter(p -> normalised(p.text()).contains(known.sentence()))
                .anyMatch(p -> Math.abs(p.position() - hit.passage().position()) == 1);
    }

    /** The hit's start is the one the chunker gave a passage of that episode holding the sentence. */
    static boolean startIsRight(Hit hit, Known known, Map<Long, List<Passage>> passagesByEpisode) {
        return passagesByEpisode.get(known.episodeId()).stream()
                .filter(p -> normalised(p.text()).contains(known.sentence()))
                .anyMatch(p -> p.start() == hit.passage().start());
    }

    /** Sentences of at least MIN_WORDS words, unique in the corpus and whole in a passage, shuffled with SEED. */
    static List<Known> drawn(ChangelogCorpus changelog) {
        Map<String, Integer> occurrences = new HashMap<>();
        List<Known> candidates = new ArrayList<>();
        for (var entry : changelog.segmentsByEpisode().entrySet()) {
            for (TranscriptSegment segment : entry.getValue()) {
                for (String sentence : sentences(segment.text())) {
                    occurrences.merge(sentence, 1, Integer::sum);
                    if (sentence.split(" ").length >= MIN_WORDS) {
                        candidates.add(new Known(sentence, entry.getKey()));
                    }
                }
            }
        }
        Map<Long, List<Passage>> passages = changelog.passagesByEpisode();
        List<Known> usable = candidates.stream().filter(k -> occurrences.get(k.sentence()) == 1)
                .filter(k -> passages.get(k.episodeId()).stream().anyMatch(p -> normalised(p.text()).contains(k.sentence())))
                .toList();
        List<Known> shuffled = new ArrayList<>(usable);
        Collections.shuffle(shuffled, new Random(SEED));
        System.out.printf("Sentences: drawn (seed %d) from %d of >= %d words that are unique in the corpus and whole in "
                + "some passage (%d of >= %d words in all)%n", SEED, usable.size(), MIN_WORDS, candidates.size(), MIN_WORDS);
        return List.copyOf(shuffled);
    }

    static List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            String sentence = normalised(text.substring(start, end));
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }


    /** The catalogue as the search reads it, as a proxy so that the port's other methods need not be written here. */
    static CatalogueStore catalogue(Map<Long, Podcast> podcasts, Map<Long, Episode> episodes, Map<Long, Passage> passages) {
        return (CatalogueStore) Proxy.newProxyInstance(CatalogueStore.class.getClassLoader(),
                new Class<?>[] {CatalogueStore.class}, (proxy, method, args) -> {
                    boolean byIds = args != null && args.length == 1 && args[0] instanceof Collection<?>;
                    return switch (method.getName()) {
                        case "podcasts" -> byIds ? lookUp(podcasts, args[0]) : unsupported(method.getName());
                        case "episodes" -> byIds ? lookUp(episodes, args[0]) : unsupported(method.getName());
                        case "passages" -> byIds ? lookUp(passages, args[0]) : unsupported(method.getName());
                        case "toString" -> "in-memory catalogue";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> unsupported(method.getName());
                    };
                });
    }

    static <T> List<T> lookUp(Map<Long, T> byId, Object ids) {
        return ((Collection<?>) ids).stream().map(id -> byId.get((Long) id)).filter(Objects::nonNull).toList();
    }

    static Object unsupported(String method) {
        throw new UnsupportedOperationException(method);
    }
}

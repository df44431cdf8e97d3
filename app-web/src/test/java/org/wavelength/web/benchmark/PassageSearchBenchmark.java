package org.wavelength.web.benchmark;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.search.CatalogueSearch.Hit;
import org.wavelength.core.search.CatalogueSearch.Query;
import org.wavelength.core.search.CatalogueSearch.Ranking;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.ingest.transcript.PassageChunker;
import org.wavelength.ingest.transcript.PassageDraft;
import org.wavelength.ingest.transcript.TranscriptParser;
import org.wavelength.web.embedding.EmbeddingConfig;
import org.wavelength.web.embedding.SegmentEmbedders;
import org.wavelength.web.embedding.WordPieceCounter;
import org.wavelength.web.vector.lucene.LuceneVectorStore;

/**
 * Known-item passage search on The Changelog's 67 human-edited Markdown transcripts: a sentence of a
 * transcript is the query, and the search must find a passage of its episode that holds the whole
 * sentence, with the start time the reader and chunker gave that passage. Prints MRR@10 and
 * recall@1/@10 of the semantic ranking alone, the keyword (BM25) ranking alone, both fused by
 * reciprocal rank, and that with the exact-phrase ranking (the product), the share of queries whose
 * first right passage also has the right start, and the latency of a search. Also measures the
 * reader's times on markers held out. Prints figures, asserts nothing.
 *
 * <p>The product path throughout: {@link TranscriptParser} (Markdown), {@link PassageChunker} with the
 * model's word-piece counter, {@link CatalogueIndexer} through real-time {@link IndexWrites} into a
 * {@link SegmentedIndex} over a {@link LuceneVectorStore} in a temporary folder, embedded in process
 * with all-minilm-l6-v2-q, and {@link CatalogueSearch} restricted to passages. Only the catalogue is
 * a map here (podcasts, episodes and passages by id), since the passages come from files.
 *
 * <p>Queries: {@value #QUERIES} sentences (java.text.BreakIterator) of at least {@value #MIN_WORDS}
 * words, drawn with a fixed seed among those that occur once in the corpus (a repeated "Thank you so
 * much for having me." has no single right answer) and are whole in at least one passage (the
 * overlap between passages is about two sentences, so a long sentence at a boundary can be whole in
 * neither).
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmark -pl app-web -am -Dtest=PassageSearchBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (reads {@code -Dcorpus.dir}, by default
 * {@code ../shared/data}). A few minutes on two cores, most of it embedding the passages.
 */
class PassageSearchBenchmark {

    static final String MODEL = "all-minilm-l6-v2-q";
    static final int QUERIES = 500;
    static final int MIN_WORDS = 8;
    static final int K = 10;
    static final long SEED = 20240601L;
    static final int WARM_UP = 20;
    /** A marker alone in brackets, as the Markdown reader reads it (here only to hold markers out). */
    static final Pattern MARKER = Pattern.compile("\\\\*\\[\\\\*(\\d{1,3}(?::\\d{1,2}){1,3}(?:[.,]\\d{1,3})?)\\\\*\\]");

    record Config(Map<String, String> models, String defaultModel) implements EmbeddingConfig {
    }

    /** A query: a sentence and the episode it was taken from. */
    record Known(String sentence, long episodeId) {
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
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        TranscriptParser parser = new TranscriptParser();
        PassageChunker chunker = new PassageChunker(new WordPieceCounter());

        // --- Read and chunk: one podcast per show folder, one episode per file --------------------------
        Map<Long, Podcast> podcasts = new LinkedHashMap<>();
        Map<Long, Episode> episodes = new LinkedHashMap<>();
        Map<Long, Passage> passages = new LinkedHashMap<>();
        Map<Long, List<TranscriptSegment>> segmentsByEpisode = new LinkedHashMap<>();
        Map<Long, List<Passage>> passagesByEpisode = new LinkedHashMap<>();
        Map<String, Long> showIds = new HashMap<>();
        long nextPassage = 1;
        int segmentCount = 0;
        int markerCount = 0;
        int untimed = 0;
        long readNanos = 0;
        for (Path file : files) {
            String show = root.relativize(file).getName(0).toString();
            long podcastId = showIds.computeIfAbsent(show, s -> (long) showIds.size() + 1);
            podcasts.computeIfAbsent(podcastId, id -> new Podcast(id, id, "https://changelog.com/" + show, show,
                    "The Changelog", null, "en", List.of("Technology"), null, null, false, 0));
            long episodeId = episodes.size() + 1;
            String markdown = Files.readString(file, StandardCharsets.UTF_8);
            markerCount += (int) MARKER.matcher(markdown).results().count();
            long t0 = System.nanoTime();
            List<TranscriptSegment> segments = parser.parse(markdown.getBytes(StandardCharsets.UTF_8), "text/markdown",
                    file.getFileName().toString());
            List<PassageDraft> drafts = chunker.chunk(segments);
            readNanos += System.nanoTime() - t0;
            segmentCount += segments.size();
            untimed += segments.stream().allMatch(s -> s.start() == 0 && s.end() == 0) ? 1 : 0;
            episodes.put(episodeId, new Episode(episodeId, podcastId, file.getFileName().toString(),
                    file.getFileName().toString().replace(".md", ""), null, null, null, null, null, null, null, null,
                    null, null));
            List<Passage> list = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                PassageDraft d = drafts.get(i);
                Passage passage = new Passage(nextPassage++, episodeId, i, d.start(), d.end(), d.speaker(), d.text());
                passages.put(passage.id(), passage);
                list.add(passage);
            }
            segmentsByEpisode.put(episodeId, segments);
            passagesByEpisode.put(episodeId, list);
        }
        System.out.printf("%n=== Passage search benchmark: %d Markdown transcripts of %d shows, %d CPUs, load average %s ===%n",
                files.size(), podcasts.size(), Runtime.getRuntime().availableProcessors(),
                EmbeddingBenchmark.loadAverage());
        System.out.printf("Read and chunked in %.1f s: %d segments, %d time markers (%d transcripts without any), "
                + "%d passages%n", readNanos / 1e9, segmentCount, markerCount, untimed, passages.size());
        heldOutMarkers(files, parser);

        // --- Index through the product path ---------------------------------------------------------------
        try (SegmentEmbedders embedders = new SegmentEmbedders(new Config(Map.of("en", MODEL), MODEL),
                new SimpleMeterRegistry()); LuceneVectorStore store = new LuceneVectorStore(folder)) {
            SegmentedIndex index = new SegmentedIndex(store, embedders);
            IndexWrites writes = new IndexWrites(index, IndexWrites.Mode.REALTIME, 64, lag -> { }, Clock.systemUTC());
            CatalogueIndexer indexer = new CatalogueIndexer(writes);
            long t0 = System.nanoTime();
            for (var entry : passagesByEpisode.entrySet()) {
                Episode episode = episodes.get(entry.getKey());
                indexer.indexPassages(podcasts.get(episode.podcastId()), episode, entry.getValue());
            }
            double indexSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("Indexed %d passages (%s, Lucene) in %.1f s: %.1f passages/s%n", passages.size(), MODEL,
                    indexSeconds, passages.size() / indexSeconds);

            List<Known> queries = queries(segmentsByEpisode, passagesByEpisode);
            CatalogueSearch search = new CatalogueSearch(catalogue(podcasts, episodes, passages), index);
            for (int i = 0; i < WARM_UP; i++) {
                for (Ranking ranking : Ranking.values()) {
                    search.search(query(queries.get(queries.size() - 1 - i), ranking));
                }
            }
            System.out.printf("%n%-16s %7s %9s %10s %12s %10s %9s %9s %9s%n", "ranking", "MRR@" + K, "recall@1",
                    "recall@" + K, "start right", "neighbour", "mean ms", "p50 ms", "p95 ms");
            Map<Ranking, List<Known>> misses = new LinkedHashMap<>();
            for (Ranking ranking : Ranking.values()) {
                double reciprocalRanks = 0;
                int first = 0;
                int top = 0;
                int startRight = 0;
                int neighbour = 0;
                double[] millis = new double[queries.size()];
                List<Known> missed = new ArrayList<>();
                for (int q = 0; q < queries.size(); q++) {
                    Known known = queries.get(q);
                    long start = System.nanoTime();
                    List<Hit> hits = search.search(query(known, ranking));
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
                misses.put(ranking, missed);
                Arrays.sort(millis);
                int n = queries.size();
                System.out.printf("%-16s %7.3f %9.3f %10.3f %12.3f %10.3f %9.1f %9.1f %9.1f%n", name(ranking),
                        reciprocalRanks / n, (double) first / n, (double) top / n, (double) startRight / n,
                        (double) neighbour / n,
                        Arrays.stream(millis).average().orElse(0), percentile(millis, 0.50), percentile(millis, 0.95));
            }
            System.out.printf("(%d queries; start right: the first passage that holds the sentence starts where the "
                    + "reader and chunker started it; neighbour: the first result is wrong but next to a right one; "
                    + "latency: CatalogueSearch.search, query embedding included)%n", queries.size());
            List<Known> fusedMisses = misses.get(Ranking.FUSED);
            System.out.printf("Missed by the fused ranking: %d; by both single rankings: %d. Some misses:%n",
                    fusedMisses.size(), misses.get(Ranking.SEMANTIC).stream()
                            .filter(misses.get(Ranking.KEYWORD)::contains).count());
            fusedMisses.stream().limit(3).forEach(k -> System.out.printf("  \"%s\"%n", k.sentence()));
            System.out.printf("Load average at the end: %s%n%n", EmbeddingBenchmark.loadAverage());
        }
    }

    static String name(Ranking ranking) {
        return switch (ranking) {
            case FUSED -> "fused";
            case FUSED_WITHOUT_PHRASE -> "fused w/o phrase";
            case SEMANTIC -> "semantic";
            case KEYWORD -> "bm25";
        };
    }

    static Query query(Known known, Ranking ranking) {
        return new Query(known.sentence(), Set.of(ItemKind.PASSAGE), VectorFilter.ALL, K, ranking);
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

    /** Sentences of at least MIN_WORDS words, unique in the corpus and whole in a passage, drawn with SEED. */
    static List<Known> queries(Map<Long, List<TranscriptSegment>> segments, Map<Long, List<Passage>> passages) {
        Map<String, Integer> occurrences = new HashMap<>();
        List<Known> candidates = new ArrayList<>();
        for (var entry : segments.entrySet()) {
            for (TranscriptSegment segment : entry.getValue()) {
                for (String sentence : sentences(segment.text())) {
                    occurrences.merge(sentence, 1, Integer::sum);
                    if (sentence.split(" ").length >= MIN_WORDS) {
                        candidates.add(new Known(sentence, entry.getKey()));
                    }
                }
            }
        }
        List<Known> usable = candidates.stream().filter(k -> occurrences.get(k.sentence()) == 1)
                .filter(k -> passages.get(k.episodeId()).stream().anyMatch(p -> normalised(p.text()).contains(k.sentence())))
                .toList();
        List<Known> shuffled = new ArrayList<>(usable);
        Collections.shuffle(shuffled, new Random(SEED));
        List<Known> queries = shuffled.subList(0, Math.min(QUERIES, shuffled.size()));
        System.out.printf("Queries: %d sentences drawn (seed %d) from %d of >= %d words that are unique in the corpus "
                + "and whole in some passage (%d of >= %d words in all)%n", queries.size(), SEED, usable.size(),
                MIN_WORDS, candidates.size(), MIN_WORDS);
        return List.copyOf(queries);
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

    /**
     * How near the reader's times come to the truth: each marker that has an earlier and a later one
     * and starts a paragraph is removed in turn, and the time the reader then gives the text after it
     * is compared with the marker's own. Carrying the previous marker is the alternative.
     */
    static void heldOutMarkers(List<Path> files, TranscriptParser parser) throws IOException {
        List<Double> interpolated = new ArrayList<>();
        List<Double> carried = new ArrayList<>();
        for (Path file : files) {
            String markdown = Files.readString(file, StandardCharsets.UTF_8);
            List<Marker> markers = MARKER.matcher(markdown).results().map(Marker::new).toList();
            if (markers.size() < 3) {
                continue;
            }
            List<TranscriptSegment> original = parse(parser, markdown);
            for (int k = 1; k < markers.size() - 1; k++) {
                double before = markers.get(k - 1).time;
                double time = markers.get(k).time;
                double after = markers.get(k + 1).time;
                if (!(before < time && time < after)) {
                    continue;
                }
                int segment = firstStartingAt(original, time);
                String held = markdown.substring(0, markers.get(k).start) + markdown.substring(markers.get(k).end);
                List<TranscriptSegment> without = parse(parser, held);
                if (segment < 0 || without.size() != original.size()) {
                    continue; // the marker stood inside a paragraph: its two halves became one segment
                }
                interpolated.add(Math.abs(without.get(segment).start() - time));
                carried.add(time - before);
            }
        }
        System.out.printf("Reader times on %d markers held out, |error| median / p90 / mean: interpolated by characters "
                + "%.0f / %.0f / %.0f s; carried from the previous marker %.0f / %.0f / %.0f s%n", interpolated.size(),
                median(interpolated), p90(interpolated), mean(interpolated), median(carried), p90(carried), mean(carried));
    }

    record Marker(int start, int end, double time) {
        Marker(java.util.regex.MatchResult m) {
            this(m.start(), m.end(), seconds(m.group(1)));
        }
    }

    static double seconds(String code) {
        String[] fields = code.split(":");
        double seconds = 0;
        for (int i = 0; i < Math.min(3, fields.length); i++) {
            seconds = seconds * 60 + Double.parseDouble(fields[i].replace(',', '.'));
        }
        return seconds;
    }

    static List<TranscriptSegment> parse(TranscriptParser parser, String markdown) {
        return parser.parse(markdown.getBytes(StandardCharsets.UTF_8), "text/markdown", null);
    }

    static int firstStartingAt(List<TranscriptSegment> segments, double time) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).start() == time) {
                return i;
            }
        }
        return -1;
    }

    static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }

    static double p90(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.9);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
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

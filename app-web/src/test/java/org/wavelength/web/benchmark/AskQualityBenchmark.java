package org.wavelength.web.benchmark;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wavelength.core.assistant.CitedItem;
import org.wavelength.core.assistant.Conversation;
import org.wavelength.core.assistant.RequestParser;
import org.wavelength.core.assistant.RetrievalAssistant;
import org.wavelength.core.browse.Directory;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexWrites;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryDirectory;
import org.wavelength.core.port.InMemoryListeners;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.core.recommend.SimilarEpisodes;
import org.wavelength.core.recommend.SimilarPodcasts;
import org.wavelength.core.recommend.UserProfiles;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.core.search.PodcastTitles;
import org.wavelength.web.benchmark.EmbeddingBenchmark.Config;
import org.wavelength.web.benchmark.EmbeddingBenchmark.Show;
import org.wavelength.web.embedding.SegmentEmbedders;
import org.wavelength.web.vector.lucene.LuceneVectorStore;

/**
 * How well the chat in retrieval mode answers subject requests over the 4,560 Apple shows of 2019 with their
 * genre hidden (the podcasts have no categories, and no request names its genre): genre precision@5 of the
 * podcasts each answer cites, beside the product's search for the same words and a random ranking, per
 * phrasing (plain, a question, "I want…", "for my commute…", with a condition the catalogue cannot meet,
 * with one it can); the share of answers that cite nothing; and "something like &lt;title&gt;" against what
 * {@link SimilarPodcasts} (the {@code /similar} endpoint) gives for the same podcast.
 *
 * <p>An answer that cites fewer than five podcasts is scored on what it cites (fewer good items are better
 * than many); one that cites nothing counts in the empty share, and as 0 in the precision. The requests are
 * the benchmark's own, written once from the genres' names, never tuned to a figure.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmark -pl app-web -am -Dtest=AskQualityBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (reads {@code -Dcorpus.dir}). About five minutes on two cores.
 * Prints figures, asserts nothing.
 */
class AskQualityBenchmark {

    static final String MODEL = "all-minilm-l6-v2-q";
    static final int K = 5;
    static final int LIKE_TITLE_SAMPLE = 120;

    /** A subject a listener asks about, in their words, and the Apple genre whose shows answer it. */
    record Subject(String genre, String words) {
    }

    static final List<Subject> SUBJECTS = List.of(
            new Subject("History", "ancient Rome, its emperors and the fall of empires"),
            new Subject("History", "medieval kings, castles and the battles of the Middle Ages"),
            new Subject("True Crime", "unsolved murders and the detectives who investigated them"),
            new Subject("True Crime", "serial killers, cold cases and wrongful convictions"),
            new Subject("Science", "black holes, galaxies and how the universe began"),
            new Subject("Science", "how the brain and memory work, explained by researchers"),
            new Subject("Sports", "football transfers, match analysis and the league table"),
            new Subject("Sports", "NBA games, trades and interviews with basketball players"),
            new Subject("Comedy", "stand-up comedians riffing and making each other laugh"),
            new Subject("Music", "jazz records and the musicians who made them"),
            new Subject("Business", "starting a company and raising money from investors"),
            new Subject("Business", "the stock market, investing and personal finance"),
            new Subject("Technology", "programming, software engineering and new gadgets"),
            new Subject("News", "the day's headlines and analysis of current events"),
            new Subject("Government", "Congress, elections and public policy in Washington"),
            new Subject("Religion & Spirituality", "Bible study, prayer and Sunday sermons"),
            new Subject("Health & Fitness", "workouts, running and nutrition to lose weight"),
            new Subject("Kids & Family", "bedtime stories for young children and parenting tips"),
            new Subject("Fiction", "audio drama, serialized made-up stories performed by voice actors"),
            new Subject("TV & Film", "reviews of new movies and shows, and behind the scenes of Hollywood"),
            new Subject("Education", "lessons to learn English vocabulary and grammar"),
            new Subject("Leisure", "video games, consoles and tabletop role-playing"),
            new Subject("Arts", "painting, drawing and the lives of great artists"),
            new Subject("Society & Culture", "dating, relationships and modern life in the city"));

    /** How a request is put; {@code %s} is the subject. */
    static final Map<String, String> PHRASINGS = phrasings();

    private static Map<String, String> phrasings() {
        Map<String, String> phrasings = new LinkedHashMap<>();
        phrasings.put("plain", "%s");
        phrasings.put("question", "any good podcasts about %s?");
        phrasings.put("I want…", "I want to hear about %s");
        phrasings.put("for my commute…", "something for my commute on %s");
        phrasings.put("+ unmet condition", "episodes from this week on %s, under 30 minutes");
        phrasings.put("+ met condition", "%s, nothing explicit please");
        return phrasings;
    }

    @Test
    void subjectRequestsAndLikeTitle() throws IOException {
        String corpus = System.getProperty("corpus.dir");
        Path file = corpus == null ? null : Path.of(corpus, "catalogue", "apple-podcasts-2019.json");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "Skipped: the benchmark needs the shared data (-Dcorpus.dir=../shared/data)");
        List<Show> shows = EmbeddingBenchmark.shows(file, Integer.MAX_VALUE);
        List<Podcast> podcasts = IntStream.range(0, shows.size()).mapToObj(i -> EmbeddingBenchmark.podcast(i + 1, shows.get(i)))
                .toList();
        Map<Long, String> genreOf = new LinkedHashMap<>();
        podcasts.forEach(p -> genreOf.put(p.id(), shows.get((int) p.id() - 1).genre()));
        System.out.printf("%n=== Ask quality: %d subject requests over %d Apple shows (genre hidden), %d CPUs, load %s ===%n",
                SUBJECTS.size() * PHRASINGS.size(), shows.size(), Runtime.getRuntime().availableProcessors(),
                EmbeddingBenchmark.loadAverage());

        Path folder = Files.createTempDirectory("ask-benchmark");
        try (SegmentEmbedders embedders = new SegmentEmbedders(new Config(Map.of("en", MODEL), MODEL),
                new SimpleMeterRegistry()); LuceneVectorStore store = new LuceneVectorStore(folder)) {
            SegmentedIndex index = new SegmentedIndex(store, embedders);
            IndexWrites writes = new IndexWrites(index, IndexWrites.Mode.BATCH, 64, lag -> { }, Clock.systemUTC());
            CatalogueIndexer indexer = new CatalogueIndexer(writes);
            podcasts.forEach(p -> indexer.index(new StoredFeed(p, List.of())));
            writes.flush();
            Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue().with(podcasts.toArray(Podcast[]::new));
            Product product = new Product(catalogue, index);

            subjects(product, genreOf);
            // As people name a podcast ("Off Menu" for "Off Menu with Ed Gamble and James Acaster"), then whole.
            likeTitle(product, podcasts, genreOf, "by the name people use", p -> PodcastTitles.shortName(p.title()));
            likeTitle(product, podcasts, genreOf, "by the whole title", Podcast::title);
            System.out.printf("Load average at the end: %s%n%n", EmbeddingBenchmark.loadAverage());
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The services as the application assembles them, over one catalogue and index. */
    record Product(RetrievalAssistant assistant, CatalogueSearch search, SimilarPodcasts similar) {

        Product(Fixtures.MapCatalogue catalogue, SegmentedIndex index) {
            this(assistant(catalogue, index), new CatalogueSearch(catalogue, index), new SimilarPodcasts(catalogue, index));
        }

        private static RetrievalAssistant assistant(Fixtures.MapCatalogue catalogue, SegmentedIndex index) {
            Clock clock = Clock.systemUTC();
            InMemoryListeners listeners = new InMemoryListeners();
            UserProfiles profiles = new UserProfiles(index, listeners, listeners, catalogue, clock);
            Recommendations recommendations = new Recommendations(index, profiles, catalogue, listeners,
                    Recommendations.Settings.defaults(), clock);
            Directory directory = new Directory(new InMemoryDirectory(catalogue, listeners), catalogue,
                    Recommendations.Settings.defaults().popularWindow(), clock);
            return new RetrievalAssistant(new CatalogueSearch(catalogue, index), new SimilarPodcasts(catalogue, index),
                    new SimilarEpisodes(catalogue, index), recommendations, catalogue, directory, new RequestParser(clock), clock);
        }

        RetrievalAssistant.Answer answer(String request) {
            return assistant.answer(null, request, Conversation.NEW);
        }

        /** The podcasts an answer cites, in order, once each (an episode or passage stands for its podcast). */
        List<Long> cited(String request) {
            return cited(answer(request));
        }

        static List<Long> cited(RetrievalAssistant.Answer answer) {
            Set<Long> ids = new LinkedHashSet<>();
            for (CitedItem item : answer.items()) {
                ids.add(item.podcast().id());
            }
            return List.copyOf(ids);
        }

        List<Long> searched(String request) {
            return search.search(CatalogueSearch.Query.of(request, Set.of(ItemKind.PODCAST), VectorFilter.ALL, K)).stream()
                    .map(hit -> hit.podcast().id()).toList();
        }
    }

    private static void subjects(Product product, Map<Long, String> genreOf) {
        Map<String, Long> genreCounts = new LinkedHashMap<>();
        genreOf.values().forEach(g -> genreCounts.merge(g, 1L, Long::sum));
        System.out.printf("%-20s %8s %8s %8s %12s %10s%n", "phrasing", "chat", "search", "random", "chat empty", "ms/answer");
        double[] all = new double[3];
        int answers = 0;
        int empty = 0;
        for (Map.Entry<String, String> phrasing : PHRASINGS.entrySet()) {
            double chat = 0, search = 0, random = 0;
            int none = 0;
            long start = System.nanoTime();
            for (Subject subject : SUBJECTS) {
                String request = String.format(Locale.ROOT, phrasing.getValue(), subject.words());
                List<Long> cited = product.cited(request);
                none += cited.isEmpty() ? 1 : 0;
                chat += precision(cited, subject.genre(), genreOf);
                search += precision(product.searched(request), subject.genre(), genreOf);
                random += genreCounts.getOrDefault(subject.genre(), 0L) / (double) genreOf.size();
            }
            double millis = (System.nanoTime() - start) / 1e6 / SUBJECTS.size();
            int n = SUBJECTS.size();
            System.out.printf("%-20s %8.3f %8.3f %8.3f %7d of %d %10.0f%n", phrasing.getKey(), chat / n, search / n, random / n,
                    none, n, millis);
            all[0] += chat;
            all[1] += search;
            all[2] += random;
            answers += n;
            empty += none;
        }
        System.out.printf("%-20s %8.3f %8.3f %8.3f %7d of %d%n", "all", all[0] / answers, all[1] / answers, all[2] / answers,
                empty, answers);
        System.out.println("(genre precision@5 of the podcasts cited; the search column runs the product's search on the"
                + " same words, podcasts only)");
    }

    /** "something like <title>" for a sample of shows, against /similar for the same show. */
    private static void likeTitle(Product product, List<Podcast> podcasts, Map<Long, String> genreOf, String how,
            java.util.function.Function<Podcast, String> name) {
        Random random = new Random(13);
        List<Podcast> sample = new ArrayList<>(podcasts);
        java.util.Collections.shuffle(sample, random);
        double chatPrecision = 0, similarPrecision = 0, overlap = 0;
        int unresolved = 0, none = 0;
        List<String> misread = new ArrayList<>();
        for (Podcast podcast : sample.subList(0, Math.min(LIKE_TITLE_SAMPLE, sample.size()))) {
            String genre = genreOf.get(podcast.id());
            List<Long> similar = product.similar().similarTo(podcast.id(), K).stream().map(Recommendation::item)
                    .map(Podcast::id).toList();
            RetrievalAssistant.Answer answer = product.answer("something like " + name.apply(podcast));
            List<Long> cited = Product.cited(answer);
            none += cited.isEmpty() ? 1 : 0;
            unresolved += answer.constraints().likeTitle() == null || answer.text().contains("found no podcast called") ? 1 : 0;
            CitedItem read = answer.conversation().reference();
            if (read != null && read.podcast().id() != podcast.id() && misread.size() < 10) { // another podcast
                misread.add("“" + podcast.title() + "” read as “" + answer.constraints().likeTitle() + "”, found “"
                        + read.podcast().title() + "”");
            }
            chatPrecision += precision(cited, genre, genreOf);
            similarPrecision += precision(similar, genre, genreOf);
            List<Long> first = cited.subList(0, Math.min(K, cited.size()));
            double shared = similar.isEmpty() ? 0 : first.stream().filter(similar::contains).count() / (double) similar.size();
            overlap += shared;
            if (shared < 1 && read != null && read.podcast().id() == podcast.id() && misread.size() < 10) {
                misread.add("“" + podcast.title() + "”: chat " + first + ", /similar " + similar);
            }
        }
        int n = Math.min(LIKE_TITLE_SAMPLE, sample.size());
        System.out.printf("%n\"something like <title>\", %s, for %d shows: chat genre precision@5 %.3f, /similar %.3f; "
                + "share of /similar's first 5 that the chat's first 5 give %.3f; answers citing nothing %d; titles not "
                + "read or not found %d of %d%n", how, n, chatPrecision / n, similarPrecision / n, overlap / n, none, unresolved, n);
        misread.forEach(line -> System.out.println("  differs: " + line));
    }

    /** Genre precision of the first five podcasts; 0 for none. */
    static double precision(List<Long> podcasts, String genre, Map<Long, String> genreOf) {
        List<Long> first = podcasts.subList(0, Math.min(K, podcasts.size()));
        return first.isEmpty() ? 0 : first.stream().filter(id -> genre.equals(genreOf.get(id))).count() / (double) first.size();
    }
}

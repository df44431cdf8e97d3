package org.wavelength.web.benchmark;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.FeedStatus;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.Embedders;
import org.wavelength.core.port.FeedStore;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.ingest.parse.FeedParser;
import org.wavelength.ingest.service.FeedRegistration;
import org.wavelength.web.support.FeedServer;

/**
 * Ingestion throughput, printed, never asserted: the real feeds and the 4,560 catalogue shows turned
 * into feeds, plus a feed of the real transcripts, all served on loopback and ingested end to end;
 * beside it, the same run's raw parse time and raw embedding throughput on the same texts.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmark -pl app-web -am} (reads {@code -Dcorpus.dir}; fewer shows
 * with {@code -Dbenchmark.shows=1000}).
 */
@QuarkusTest
@TestProfile(IngestThroughputBenchmark.Benchmark.class)
class IngestThroughputBenchmark {

    public static class Benchmark implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.ingest.workers", "2", "quarkus.log.category.\"org.wavelength.ingest\".level", "WARN");
        }
    }

    static final int EPISODES_PER_SHOW = 3;

    @Inject
    FeedParser parser;
    @Inject
    Embedders embedders;
    @Inject
    FeedRegistration registration;
    @Inject
    FeedStore feeds;
    @Inject
    SegmentedIndex index;

    @Test
    void ingestThroughput() throws IOException {
        String corpus = System.getProperty("corpus.dir");
        Assumptions.assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus, "catalogue")),
                "Skipped: the benchmark needs the shared data (-Dcorpus.dir=../shared/data)");
        Path data = Path.of(corpus);
        try (FeedServer server = FeedServer.start()) {
            Map<String, byte[]> documents = documents(data, server);
            documents.forEach((path, body) -> server.serve(path, 200, "application/rss+xml", body));

            // 1. Raw parse of every document.
            long parseStart = System.nanoTime();
            List<FeedContent> parsed = new ArrayList<>();
            for (var document : documents.entrySet()) {
                parsed.add(parser.parse(document.getValue(), URI.create(server.url(document.getKey()))));
            }
            double parseSeconds = seconds(parseStart);
            int episodes = parsed.stream().mapToInt(c -> c.items().size()).sum();

            // 2. Raw embedding of the same texts the pipeline embeds for podcasts and episodes.
            List<String> texts = new ArrayList<>();
            for (FeedContent content : parsed) {
                Podcast podcast = new Podcast(0, 0, null, content.title(), content.author(), content.description(),
                        content.language(), content.categories(), null, null, false, 0);
                texts.add(ItemTexts.of(podcast));
                content.items().forEach(item -> texts.add(ItemTexts.of(podcast, new org.wavelength.core.domain.Episode(0, 0,
                        item.guid(), item.title(), item.description(), null, null, null, null, null, null, null, null, null))));
            }
            Embedder embedder = embedders.forSegment("en");
            long embedStart = System.nanoTime();
            for (int from = 0; from < texts.size(); from += 32) {
                embedder.embedAll(texts.subList(from, Math.min(from + 32, texts.size())));
            }
            double embedSeconds = seconds(embedStart);

            // 3. The pipeline: an OPML import of every feed, fetched, parsed, stored, embedded and indexed.
            String opml = "<opml version=\"2.0\"><body>" + documents.keySet().stream()
                    .map(p -> "<outline type=\"rss\" xmlUrl=\"" + server.url(p) + "\"/>").reduce("", String::concat)
                    + "</body></opml>";
            long pipelineStart = System.nanoTime();
            registration.importOpml(opml.getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                var counts = feeds.statusCounts();
                return counts.getOrDefault(FeedStatus.PENDING, 0L) + counts.getOrDefault(FeedStatus.FETCHING, 0L) == 0;
            });
            double pipelineSeconds = seconds(pipelineStart);
            var counts = feeds.statusCounts();
            long passages = count(ItemKind.PASSAGE);
            long storedEpisodes = count(ItemKind.EPISODE);

            System.out.printf("%n=== Ingest throughput (2 workers, %d feeds: %d real, %d catalogue shows, 1 transcript feed) ===%n",
                    documents.size(), documents.keySet().stream().filter(p -> p.startsWith("/real/")).count(),
                    documents.keySet().stream().filter(p -> p.startsWith("/show/")).count());
            System.out.printf("raw parse:      %d feeds, %d episodes in %.2f s  -> %.0f feeds/s, %.0f episodes/s%n",
                    parsed.size(), episodes, parseSeconds, parsed.size() / parseSeconds, episodes / parseSeconds);
            System.out.printf("raw embedding:  %d texts in %.1f s  -> %.1f texts/s (model %s)%n", texts.size(), embedSeconds,
                    texts.size() / embedSeconds, embedder.modelName());
            System.out.printf("pipeline:       %d feeds (%s), %d episodes, %d passages in %.1f s%n", documents.size(), counts,
                    storedEpisodes, passages, pipelineSeconds);
            System.out.printf("                -> %.1f feeds/s, %.1f episodes/s, %.1f passages/s; %.1f vectors/s vs raw %.1f texts/s%n",
                    documents.size() / pipelineSeconds, storedEpisodes / pipelineSeconds, passages / pipelineSeconds,
                    (documents.size() + storedEpisodes + passages) / pipelineSeconds, texts.size() / embedSeconds);
        }
    }

    long count(ItemKind kind) {
        return index.segments().stream().mapToLong(segment -> index.count(segment, VectorFilter.kind(kind))).sum();
    }

    /** Path on the loopback server → feed document. */
    static Map<String, byte[]> documents(Path data, FeedServer server) throws IOException {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(data.resolve("feeds/real"))) {
            for (Path file : files.sorted().toList()) {
                // Transcript and chapter links of the real feeds point to the internet: left out here.
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        .replaceAll("<podcast:(transcript|chapters)\\b[^>]*?/>", "");
                documents.put("/real/" + file.getFileName(), text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        JsonNode shows = new ObjectMapper().readTree(data.resolve("catalogue/apple-podcasts-2019.json").toFile());
        int count = Math.min(shows.size(), Integer.getInteger("benchmark.shows", shows.size()));
        for (int i = 0; i < count; i++) {
            documents.put("/show/" + i + ".xml", showFeed(shows.get(i), i).getBytes(StandardCharsets.UTF_8));
        }
        documents.put("/transcripts.xml", transcriptFeed(data.resolve("transcripts"), server).getBytes(StandardCharsets.UTF_8));
        return documents;
    }

    /** A catalogue show as a feed; its genre is left out, as everywhere the system is measured. */
    static String showFeed(JsonNode show, int n) {
        StringBuilder items = new StringBuilder();
        for (int e = 1; e <= EPISODES_PER_SHOW; e++) {
            items.append("<item><title>").append(xml(show.path("title").asText())).append(", episode ").append(e)
                    .append("</title><guid>show-").append(n).append('-').append(e).append("</guid><description>")
                    .append(xml(show.path("description").asText())).append("</description>")
                    .append("<enclosure url=\"https://cdn.example/").append(n).append('/').append(e)
                    .append(".mp3\" type=\"audio/mpeg\" length=\"1\"/></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                + "<channel><title>" + xml(show.path("title").asText()) + "</title><itunes:author>"
                + xml(show.path("producer").asText()) + "</itunes:author><language>en</language><description>"
                + xml(show.path("description").asText()) + "</description>" + items + "</channel></rss>";
    }

    /** One episode per real transcript file, its transcript served on loopback. */
    static String transcriptFeed(Path folder, FeedServer server) throws IOException {
        StringBuilder items = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.(srt|vtt|json|html)")
                    && !f.getFileName().toString().contains("parsed")).sorted().toList()) {
                String name = file.getFileName().toString();
                String type = switch (name.substring(name.lastIndexOf('.') + 1)) {
                    case "srt" -> "application/srt";
                    case "vtt" -> "text/vtt";
                    case "json" -> "application/json";
                    default -> "text/html";
                };
                String url = server.serve("/t/" + name, 200, type, Files.readAllBytes(file));
                items.append("<item><title>").append(xml(name)).append("</title><guid>").append(xml(name))
                        .append("</guid><enclosure url=\"https://cdn.example/").append(xml(name))
                        .append(".mp3\" type=\"audio/mpeg\" length=\"1\"/><podcast:transcript url=\"").append(url)
                        .append("\" type=\"").append(type).append("\"/></item>");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">"
                + "<channel><title>Transcript corpus</title><language>en</language><description>Real transcripts</description>"
                + items + "</channel></rss>";
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

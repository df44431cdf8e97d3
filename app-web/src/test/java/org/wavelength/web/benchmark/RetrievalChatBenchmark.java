package org.wavelength.web.benchmark;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * A conversation with the chat in retrieval mode (no language model, the embedded default), then first messages of
 * new conversations, over the real
 * feeds of the shared data, ingested end to end from a loopback server: prints the transcript (each answer,
 * its items with length and reason) and the time each answer took over HTTP.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmark -pl app-web -am -Dtest=RetrievalChatBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (reads {@code -Dcorpus.dir}).
 */
@QuarkusTest
class RetrievalChatBenchmark {

    static final List<String> CONVERSATION = List.of(
            "a podcast about video games, under an hour",
            "something like Giant Bombcast",
            "more like the second one",
            "shorter",
            "an episode on the assassination of Abraham Lincoln",
            "podcasts in Portuguese",
            "something about launching a startup, nothing explicit",
            "一个中文的播客");

    /** Requests that begin a conversation of their own (the failures issue 13 names, and a few more). */
    static final List<String> FIRST_MESSAGES = List.of(
            "German podcasts",
            "what is new this week?",
            "the latest research in physics",
            "a daily briefing",
            "bitcoin and the lightning network",
            "a comedy show about video games like Giant Bomb",
            "something funny like Taverncast but shorter",
            "recommend me a comedy podcast",
            "podcasts like Jornal de Noticias",
            "a history podcast like 1865");

    @Test
    void aRetrievalConversationOnRealFeeds() throws IOException {
        String corpus = System.getProperty("corpus.dir");
        Assumptions.assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus, "feeds", "real")),
                "Skipped: the benchmark needs the shared data (-Dcorpus.dir=../shared/data)");
        try (FeedServer server = FeedServer.start(); Stream<Path> files = Files.list(Path.of(corpus, "feeds", "real"))) {
            long ingestStart = System.nanoTime();
            int feeds = 0;
            for (Path feed : files.sorted().toList()) {
                Api.addFeedAndWait(server.serve("/" + feed.getFileName(), 200, "application/rss+xml", Files.readAllBytes(feed)));
                feeds++;
            }
            System.out.printf("%n=== Retrieval-mode chat on %d real feeds (ingested in %.1f s) ===%n", feeds,
                    (System.nanoTime() - ingestStart) / 1e9);
            String conversation = null;
            List<Double> millis = new ArrayList<>();
            List<String> messages = new ArrayList<>(CONVERSATION);
            messages.addAll(FIRST_MESSAGES);
            for (String message : messages) {
                if (FIRST_MESSAGES.contains(message)) {
                    conversation = null;
                }
                Map<String, String> body = new HashMap<>(Map.of("message", message));
                if (conversation != null) {
                    body.put("conversationId", conversation);
                }
                long start = System.nanoTime();
                JsonPath reply = given().contentType(ContentType.JSON).body(body).post("/api/chat").then().statusCode(200)
                        .extract().jsonPath();
                millis.add((System.nanoTime() - start) / 1e6);
                conversation = reply.getString("conversationId");
                System.out.printf("%n> %s%n[%s, %.0f ms] %s%n", message, reply.getString("mode"), millis.get(millis.size() - 1),
                        reply.getString("answer"));
                List<Map<String, Object>> items = reply.getList("items");
                for (int i = 0; i < items.size(); i++) {
                    System.out.printf("  %d. %s%n", i + 1, describe(reply, i));
                }
            }
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%nAnswer time over HTTP: median %.0f ms, max %.0f ms (%d answers)%n",
                    sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length);
        }
    }

    private static String describe(JsonPath reply, int i) {
        String item = "items[" + i + "]";
        String podcast = reply.getString(item + ".podcast.title");
        String episode = reply.getString(item + ".episode.title");
        Integer seconds = reply.get(item + ".episode.durationSeconds");
        String what = episode == null ? "podcast “" + podcast + "”" : "“" + episode + "” (" + podcast
                + (seconds == null ? "" : ", " + Math.round(seconds / 60f) + " min") + ")";
        return what + " " + reply.getString(item + ".link") + " — " + reply.getString(item + ".reason");
    }
}

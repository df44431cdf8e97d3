package org.wavelength.web.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;
import org.wavelength.web.support.PackagedApp;

/**
 * A standing check, bounded in time: mixed page, search, similar and chat requests on loopback for a while
 * (wavelength.load.seconds, 40 by default) from a few clients at once, against the packaged application in a
 * process of its own. It prints requests per second, p50 and p99 per kind of request, the errors and the
 * application's resident memory before and after; the bar it holds is zero errors and zero 5xx, which does not
 * depend on the machine. The figures are the machine's: read them beside its load, printed too.
 */
class LoopbackLoadIT {

    private static final int CLIENTS = 4;
    private static final List<String> FIXTURES = List.of("computing-history.xml", "retro-computing.xml", "sourdough.xml",
            "browse/night-reading.xml", "browse/open-shelves.xml", "browse/paper-trail.xml", "listening/final-whistle.xml",
            "listening/night-sky.xml", "listening/weeknight-kitchen.xml");
    private static final List<String> QUERIES = List.of("history of computing", "sourdough starter", "punched cards",
            "bread", "libraries at night", "retro games", "早期计算机", "a short episode about baking");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Outcome(String kind, long nanos, int status) {
    }

    @Test
    void mixedTrafficAnswersWithoutErrors(@TempDir Path data) throws Exception {
        // A visitor's hourly chat allowance (a few dozen messages) would answer most of the load's chats with 429.
        PackagedApp app = PackagedApp.start(data, "loopback-load", "wavelength.chat.anonymous-messages-per-hour=1000000")
                .awaitReady();
        try {
            load(app);
        } finally {
            app.stop();
        }
    }

    private void load(PackagedApp app) throws Exception {
        long rssIdle = app.residentMb();
        List<Long> podcasts = new ArrayList<>();
        try (FeedServer server = FeedServer.start()) {
            for (String fixture : FIXTURES) {
                long feedId = Api.asAdmin().port(app.port()).body(Map.of("url", server.serveFixture(fixture)))
                        .post("/api/admin/feeds").then().statusCode(202).extract().jsonPath().getLong("id");
                PackagedApp.await(Duration.ofSeconds(90), () -> !List.of("PENDING", "FETCHING").contains(feed(app, feedId)
                        .getString("status")));
                podcasts.add(feed(app, feedId).getLong("podcastId"));
            }
        }
        List<Long> episodes = new ArrayList<>();
        for (long podcast : podcasts) {
            episodes.addAll(RestAssured.given().port(app.port()).get("/api/podcasts/" + podcast + "/episodes").then()
                    .extract().jsonPath().getList("items.id", Long.class));
        }
        String base = "http://localhost:" + app.port();
        int seconds = Integer.getInteger("wavelength.load.seconds", 40);
        long rssBefore = app.residentMb();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicInteger turn = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                while (System.nanoTime() < end) {
                    int i = turn.getAndIncrement();
                    HttpRequest request = request(base, i, podcasts, episodes);
                    String kind = kind(i);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        outcomes.add(new Outcome(kind, System.nanoTime() - start, response.statusCode()));
                    } catch (IOException | InterruptedException e) {
                        failures.computeIfAbsent(kind + ": " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS)).isTrue();
        long rssAfter = app.residentMb();

        List<Outcome> all = List.copyOf(outcomes);
        System.out.printf("Loopback load: %d s, %d clients, %d requests, %.1f requests/s, machine load (1-minute average) %.2f%n",
                seconds, CLIENTS, all.size(), all.size() / (double) seconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String kind : List.of("page", "search", "similar", "chat")) {
            List<Long> millis = all.stream().filter(o -> o.kind().equals(kind)).map(o -> o.nanos() / 1_000_000).sorted().toList();
            System.out.printf("  %-8s %6d requests  p50 %5d ms  p99 %5d ms  max %5d ms%n", kind, millis.size(),
                    percentile(millis, 0.50), percentile(millis, 0.99), millis.isEmpty() ? 0 : millis.get(millis.size() - 1));
        }
        long serverErrors = all.stream().filter(o -> o.status() >= 500).count();
        List<Outcome> refused = all.stream().filter(o -> o.status() >= 400).toList();
        System.out.printf("  errors: %d answers >= 400 (%d of them 5xx; by status %s), %d requests that failed to complete %s%n",
                refused.size(), serverErrors, refused.stream().collect(java.util.stream.Collectors.groupingBy(Outcome::status,
                        java.util.TreeMap::new, java.util.stream.Collectors.counting())), failures.values().stream().mapToLong(LongAdder::sum).sum(), failures);
        System.out.printf("  resident memory of the application: %d MB idle, %d MB with %d podcasts before the load, %d MB after%n",
                rssIdle, rssBefore, podcasts.size(), rssAfter);

        assertThat(all).isNotEmpty();
        assertThat(failures).isEmpty();
        assertThat(refused).as("answers >= 400").isEmpty();
    }

    private static String kind(int i) {
        return switch (i % 6) {
            case 0, 1 -> "page";
            case 2, 3 -> "search";
            case 4 -> "similar";
            default -> "chat";
        };
    }

    private static JsonPath feed(PackagedApp app, long feedId) {
        return Api.asAdmin().port(app.port()).get("/api/admin/feeds/" + feedId).then().statusCode(200).extract().jsonPath();
    }

    private HttpRequest request(String base, int i, List<Long> podcasts, List<Long> episodes) {
        String query = URLEncoder.encode(QUERIES.get(i % QUERIES.size()), StandardCharsets.UTF_8);
        long podcast = podcasts.get(i % podcasts.size());
        long episode = episodes.get(i % episodes.size());
        return switch (i % 6) {
            case 0 -> get(base + (i % 12 == 0 ? "/" : "/podcasts/" + podcast));
            case 1 -> get(base + (i % 12 == 1 ? "/episodes/" + episode : "/categories"));
            case 2 -> get(base + "/api/search?q=" + query);
            case 3 -> get(base + "/search?q=" + query);
            case 4 -> get(base + (i % 12 == 4 ? "/api/podcasts/" + podcast + "/similar" : "/api/episodes/" + episode + "/similar"));
            default -> HttpRequest.newBuilder(URI.create(base + "/api/chat")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"something like "
                            + QUERIES.get(i % QUERIES.size()).replace("\"", "") + "\"}")).build();
        };
    }

    private static HttpRequest get(String address) {
        return HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}

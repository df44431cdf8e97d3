package org.wavelength.web.index;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * A blue/green rebuild while the index keeps serving: queries and writes run all along; none fails,
 * none comes back empty, and every write made during the rebuild is in the new collection.
 */
@QuarkusTest
@TestProfile(RebuildUnderTrafficTest.OwnIndex.class)
class RebuildUnderTrafficTest {

    public static class OwnIndex implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.index.rebuild-grace", "1s");
        }
    }

    @Inject
    SegmentedIndex index;

    @Inject
    CatalogueStore catalogue;

    static String feed(String title, int episodes) {
        String items = IntStream.range(0, episodes).mapToObj(i -> "<item><title>" + title + " episode " + i
                + " about computers, history and science</title><guid>" + title + "-" + i
                + "</guid><enclosure url=\"https://cdn.example/" + i + ".mp3\" type=\"audio/mpeg\" length=\"1\"/></item>")
                .collect(Collectors.joining());
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><language>en</language><description>A show</description>" + items + "</channel></rss>";
    }

    @Test
    void queriesAndWritesDuringARebuildNeitherFailNorGetLost() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            Api.addFeedAndWait(server.serve("/big.xml", "application/rss+xml", feed("Big", 600)));
            String before = index.serving("en").orElseThrow();
            float[] query = index.embedQuery("en", "history of computers").orElseThrow();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger queries = new AtomicInteger();
            AtomicInteger failedOrEmpty = new AtomicInteger();
            AtomicInteger writes = new AtomicInteger();
            ExecutorService traffic = Executors.newFixedThreadPool(2);
            Future<?> reader = traffic.submit(() -> {
                while (running.get()) {
                    try {
                        var hits = index.search("en", VectorQuery.of(query, VectorFilter.kind(ItemKind.EPISODE), 10));
                        if (hits.size() < 10) {
                            failedOrEmpty.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failedOrEmpty.incrementAndGet();
                    }
                    queries.incrementAndGet();
                }
            });
            Future<?> writer = traffic.submit(() -> {
                while (running.get()) {
                    int n = writes.incrementAndGet();
                    Api.addFeedAndWait(server.serve("/during-" + n + ".xml", "application/rss+xml", feed("During " + n, 3)));
                }
            });

            Api.asAdmin().post("/api/admin/index/rebuild?segment=en").then().statusCode(202);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                    "SWITCHED".equals(Api.asAdmin().get("/api/admin/index").then().extract().jsonPath()
                            .getString("rebuilds.find { it.segment == 'en' }.state")));
            Thread.sleep(500); // a little traffic after the switch too
            running.set(false);
            reader.get();
            writer.get();
            traffic.shutdown();

            String after = index.serving("en").orElseThrow();
            assertThat(after).isNotEqualTo(before).endsWith("_v2");
            assertThat(queries.get()).isGreaterThan(10);
            assertThat(failedOrEmpty.get()).as("failed or short queries out of %d", queries.get()).isZero();
            assertThat(writes.get()).isGreaterThan(1);

            long podcasts = catalogue.podcastCount();
            assertThat(index.count("en", VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(podcasts);
            long episodes = given().get("/api/podcasts?size=100").then().extract().jsonPath()
                    .getList("items.episodeCount", Integer.class).stream().mapToLong(Integer::longValue).sum();
            assertThat(index.count("en", VectorFilter.kind(ItemKind.EPISODE))).isEqualTo(episodes);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    Api.asAdmin().get("/api/admin/index").then().extract().jsonPath().getList("collections", String.class))
                    .doesNotContain(before));
            System.out.printf("Rebuild under traffic: %d queries (0 failed or short), %d feeds written during it%n",
                    queries.get(), writes.get());
        }
    }
}

package org.wavelength.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wavelength.web.support.PackagedApp.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;
import org.wavelength.web.support.PackagedApp;
import org.wavelength.web.vector.lucene.LuceneVectorStore;

/**
 * The standing crash-safety check (issue 14): the packaged application, on the embedded default (H2 file,
 * Lucene), is killed with {@code kill -9} during a bulk OPML ingest and started again on the same data.
 * Once it has caught up, the database and the vector index must agree: every stored podcast and episode
 * in the serving collection, no vector without a row, none twice. Prints its figures.
 */
class CrashRecoveryIT {

    static final int FEEDS = 30;
    static final int EPISODES = 30;
    static final Duration KILL_AFTER = Duration.ofSeconds(12);
    /** Short enough for a test: the leases the kill left run out, the reconciliation comes round again. */
    static final String[] LEASES_RUN_OUT = {"wavelength.ingest.lease=5s", "wavelength.ingest.reconcile-interval=5s"};

    @Test
    void aKillDuringABulkIngestLeavesNoFeedStuckAndTheIndexAgreesWithTheDatabase() throws Exception {
        Path data = Files.createTempDirectory("wavelength-crash");
        try (FeedServer server = FeedServer.start()) {
            String outlines = IntStream.range(0, FEEDS).mapToObj(i -> "<outline type=\"rss\" text=\"Show " + i
                    + "\" xmlUrl=\"" + server.serve("/f" + i + ".xml", "application/rss+xml", feed(i)) + "\"/>")
                    .collect(Collectors.joining("\n"));
            String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Bulk</title></head><body>" + outlines
                    + "</body></opml>";

            PackagedApp first = PackagedApp.start(data, "crash-recovery-first", LEASES_RUN_OUT);
            int port = first.port();
            Instant importedAt;
            long okAtKill;
            try {
                first.awaitReady();
                JsonPath imported = admin(port).contentType("text/x-opml").body(opml).post("/api/admin/feeds/opml").then()
                        .statusCode(200).extract().jsonPath();
                importedAt = Instant.now();
                assertThat(imported.getInt("added")).isEqualTo(FEEDS);
                // Mid-ingest: a few feeds done, the others waiting or being stored and embedded.
                await(Duration.ofSeconds(90), () -> okFeeds(port) >= 3
                        || Duration.between(importedAt, Instant.now()).compareTo(KILL_AFTER) >= 0);
                okAtKill = okFeeds(port);
                new ProcessBuilder("kill", "-9", Long.toString(first.process().pid())).inheritIO().start().waitFor();
                first.process().waitFor();
            } finally {
                first.process().destroyForcibly(); // when the test failed before its kill
            }
            System.out.printf("Crash check: %d feeds imported (%d episodes each); kill -9 %.1f s after the import, %d feeds OK%n",
                    FEEDS, EPISODES, Duration.between(importedAt, Instant.now()).toMillis() / 1000.0, okAtKill);

            PackagedApp second = PackagedApp.start(data, "crash-recovery-second", LEASES_RUN_OUT).awaitReady();
            int again = second.port();
            try {
                System.out.printf("Crash check: after the restart, rows %s vs vectors %s%n", rows(again), vectors(again));
                await(Duration.ofMinutes(3), () -> okFeeds(again) == FEEDS && rows(again).equals(vectors(again)));
                System.out.printf("Crash check: caught up, every feed OK; rows %s vs vectors %s%n", rows(again), vectors(again));
            } finally {
                second.stop(); // an orderly stop, so that the database and the index can be read here
            }
            assertAgree(data);
        }
    }

    /** Read from the files the application left: the rows of H2 against the points of Lucene's serving collection. */
    private static void assertAgree(Path data) throws SQLException, IOException {
        Set<String> rows = new HashSet<>();
        String url = "jdbc:h2:file:" + data.resolve("db/wavelength").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection db = DriverManager.getConnection(url, "wavelength", "wavelength")) {
            rows.addAll(pointIds(db, "select id from podcast", ItemKind.PODCAST));
            rows.addAll(pointIds(db, "select id from episode", ItemKind.EPISODE));
            rows.addAll(pointIds(db, "select id from passage", ItemKind.PASSAGE));
        }
        try (LuceneVectorStore index = new LuceneVectorStore(data.resolve("index"))) {
            String serving = index.resolveAlias(Segments.alias("en")).orElseThrow();
            Set<String> points = new HashSet<>();
            long counted = 0;
            for (ItemKind kind : List.of(ItemKind.PODCAST, ItemKind.EPISODE, ItemKind.PASSAGE)) {
                long count = index.count(serving, VectorFilter.kind(kind));
                counted += count;
                points.addAll(index.vectors(serving, VectorFilter.kind(kind), (int) count).keySet());
            }
            System.out.printf("Crash check: %d rows in the database, %d points in %s (%d distinct)%n", rows.size(), counted,
                    serving, points.size());
            assertThat(rows).as("rows").hasSize(FEEDS * (EPISODES + 1));
            assertThat(points).as("every row has its point, and every point its row").isEqualTo(rows);
            assertThat(counted).as("no point twice").isEqualTo(points.size());
        }
    }

    private static Set<String> pointIds(Connection db, String query, ItemKind kind) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (ResultSet result = db.createStatement().executeQuery(query)) {
            while (result.next()) {
                ids.add(PointIds.of(kind, result.getLong(1)));
            }
        }
        return ids;
    }

    /** Podcasts and episodes the database lists, from the admin API. */
    private static String rows(int port) {
        JsonPath feeds = admin(port).get("/api/admin/feeds?size=100").then().statusCode(200).extract().jsonPath();
        List<Integer> counts = feeds.getList("items.episodeCount", Integer.class);
        long podcasts = feeds.getList("items.podcastId").stream().filter(java.util.Objects::nonNull).count();
        return podcasts + " podcasts, " + counts.stream().mapToInt(Integer::intValue).sum() + " episodes";
    }

    /** Podcasts and episodes the serving collection holds, from the admin API. */
    private static String vectors(int port) {
        JsonPath index = admin(port).get("/api/admin/index").then().statusCode(200).extract().jsonPath();
        long podcasts = index.getList("segments.points.podcasts", Long.class).stream().mapToLong(Long::longValue).sum();
        long episodes = index.getList("segments.points.episodes", Long.class).stream().mapToLong(Long::longValue).sum();
        return podcasts + " podcasts, " + episodes + " episodes";
    }

    private static long okFeeds(int port) {
        return admin(port).get("/api/admin/feeds?size=100").then().statusCode(200).extract().jsonPath()
                .getList("items.status").stream().filter("OK"::equals).count();
    }

    private static RequestSpecification admin(int port) {
        return Api.asAdmin().port(port);
    }

    private static String feed(int show) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
                .append("<title>Generated show ").append(show).append("</title><link>https://gen.example/").append(show)
                .append("</link><description>Tides, lighthouses and the sea, part ").append(show)
                .append("</description><language>en</language>");
        for (int e = 0; e < EPISODES; e++) {
            xml.append("<item><guid isPermaLink=\"false\">s").append(show).append("-e").append(e).append("</guid><title>Show ")
                    .append(show).append(", episode ").append(e).append("</title><description>Notes on harbour ").append(e)
                    .append(" of show ").append(show).append("</description><enclosure url=\"https://cdn.gen.example/")
                    .append(show).append('/').append(e).append(".mp3\" length=\"1000\" type=\"audio/mpeg\"/><pubDate>Mon, 0")
                    .append(1 + e % 9).append(" Jan 2024 10:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}

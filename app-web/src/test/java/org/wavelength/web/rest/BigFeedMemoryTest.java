package org.wavelength.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * A 50,000-item feed took the process from 0.29 to 2.8 GB resident (issue 14). With the per-feed cap
 * (wavelength.ingest.max-items-per-feed, 3,000 by default) its newest items are kept, dropped while the XML
 * is read, and the admin sees that the feed was cut. Prints the heap and the resident memory around the
 * ingest: they are this test JVM's, which holds every other test application of the run too, so the
 * figure of one parse alone is {@code NewestItemWindowTest}'s, in a JVM of its own.
 */
@QuarkusTest
class BigFeedMemoryTest {

    static final int ITEMS = 50_000;
    static final int CAP = 3_000;
    static final MB mb = new MB();

    record MB() {
        long of(long bytes) {
            return bytes / (1024 * 1024);
        }
    }

    @Test
    void aFiftyThousandItemFeedKeepsItsNewestItemsWithinBoundedMemory() {
        byte[] feed = bigFeed();
        try (FeedServer server = FeedServer.start()) {
            String url = server.serve("/big.xml", 200, "application/rss+xml", feed);
            long heapBefore = usedHeapAfterGc();
            long rssBefore = residentKb();
            resetPeaks();
            Instant started = Instant.now();

            long id = Api.asAdmin().contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/admin/feeds").then()
                    .statusCode(202).extract().jsonPath().getLong("id");
            JsonPath done = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Api.asAdmin().get("/api/admin/feeds/" + id).then().extract().jsonPath(),
                            f -> !f.getString("status").equals("PENDING") && !f.getString("status").equals("FETCHING"));

            long took = Duration.between(started, Instant.now()).toSeconds();
            long heapPeak = peakHeap();
            long heapAfter = usedHeapAfterGc();
            long rssAfter = residentKb();
            System.out.printf("Feed of %d items (%d MB): %d episodes kept in %d s; heap used %d MB before, %d MB at peak,"
                    + " %d MB after; resident (VmRSS) %d MB before, %d MB after (the whole test JVM's)%n", ITEMS, mb.of(feed.length),
                    done.getInt("episodeCount"), took, mb.of(heapBefore), mb.of(heapPeak), mb.of(heapAfter), rssBefore / 1024,
                    rssAfter / 1024);

            assertThat(done.getString("status")).isEqualTo("OK");
            assertThat(done.getInt("episodeCount")).isEqualTo(CAP);
            assertThat(done.getInt("cap.listed")).isEqualTo(ITEMS);
            assertThat(done.getInt("cap.kept")).isEqualTo(CAP);
            String newest = "Episode " + (ITEMS - 1);
            assertThat(Api.asAdmin().get("/api/search?q=" + newest.replace(' ', '+')).then().statusCode(200).extract()
                    .asString()).as("the newest items are the ones kept").isNotEmpty();
            assertThat(adminFeedPages()).contains("This feed lists 50000 episodes; only its newest 3000 are kept");
        }
    }

    /** Every page of the admin's list of feeds (the suite's other tests add feeds too), as one text. */
    static String adminFeedPages() {
        StringBuilder pages = new StringBuilder();
        for (int page = 0; page < 100; page++) {
            String html = Api.asAdmin().get("/admin/feeds?page=" + page).then().statusCode(200).extract().asString();
            pages.append(html);
            if (!html.contains("rel=\"next\"")) {
                break;
            }
        }
        return pages.toString();
    }

    /** Item i is published i hours after the first: the last ones are the newest. */
    static byte[] bigFeed() {
        StringBuilder xml = new StringBuilder(ITEMS * 330);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Everything Ever</title>")
                .append("<link>https://big.example/</link><description>A feed that never drops an episode</description>")
                .append("<language>en</language>");
        Instant first = Instant.parse("2015-01-01T00:00:00Z");
        for (int i = 0; i < ITEMS; i++) {
            xml.append("<item><guid isPermaLink=\"false\">big-").append(i).append("</guid><title>Episode ").append(i)
                    .append("</title><description>Show notes of episode ").append(i).append(" about tides and lighthouses.</description>")
                    .append("<enclosure url=\"https://cdn.big.example/").append(i).append(".mp3\" length=\"1000\" type=\"audio/mpeg\"/>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(first.plusSeconds(3600L * i).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since {@link #resetPeaks} (an upper bound of the peak heap in use). */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Resident memory of this process in kB (Linux), or -1. */
    static long residentKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}

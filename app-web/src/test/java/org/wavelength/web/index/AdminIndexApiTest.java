package org.wavelength.web.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** The index status and the rebuild API, and real time: new content is searchable within seconds. */
@QuarkusTest
@TestProfile(AdminIndexApiTest.OwnIndex.class)
class AdminIndexApiTest {

    public static class OwnIndex implements QuarkusTestProfile {
    }

    @Test
    void statusShowsSegmentsModelsAndCountsAndARealTimeWriteIsSearchableAtOnce() {
        try (FeedServer server = FeedServer.start()) {
            Instant added = Instant.now();
            Api.addFeedAndWait(server.serveFixture("computing-history.xml"));
            // Real time: once the feed is ingested, its episodes are in the index (no flush to wait for).
            var status = Api.asAdmin().get("/api/admin/index").then().statusCode(200).extract().jsonPath();
            System.out.printf("Real-time: feed added to searchable in %d ms%n", Duration.between(added, Instant.now()).toMillis());
            assertThat(status.getString("mode")).isEqualTo("realtime");
            assertThat(status.getString("segments.find { it.segment == 'en' }.model")).isEqualTo("all-minilm-l6-v2-q");
            assertThat(status.getString("segments.find { it.segment == 'en' }.serving")).isEqualTo("wavelength_en_all-minilm-l6-v2-q_v1");
            assertThat(status.getInt("segments.find { it.segment == 'en' }.points.episodes")).isEqualTo(3);
            assertThat(status.getInt("segments.find { it.segment == 'en' }.points.podcasts")).isEqualTo(1);
        }
    }

    @Test
    void rebuildsAreCheckedAndReported() {
        Api.asAdmin().post("/api/admin/index/rebuild").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("?segment=en"));
        Api.asAdmin().post("/api/admin/index/rebuild?segment=en&model=no-such-model").then().statusCode(400)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().post("/api/admin/index/rebuild?segment=en").then().statusCode(401);
        // A segment with nothing in it has nothing to rebuild: refused, and no collection is left behind.
        Api.asAdmin().post("/api/admin/index/rebuild?segment=zz").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("holds nothing"));
        assertThat(Api.asAdmin().get("/api/admin/index").then().extract().jsonPath().getList("collections", String.class))
                .noneMatch(collection -> collection.startsWith("wavelength_zz_"));
        try (FeedServer server = FeedServer.start()) {
            // German, so that the other test's English segment keeps its first collection.
            Api.addFeedAndWait(server.serve("/brot.xml", "application/rss+xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Brot backen</title><language>de</language>
                      <description>Sauerteig, Mehl und Brot zu Hause backen.</description>
                      <item><guid>brot-1</guid><title>Der erste Sauerteig</title>
                        <description>Wie man einen Sauerteig ansetzt und füttert.</description></item>
                    </channel></rss>"""));
        }
        Api.asAdmin().post("/api/admin/index/rebuild?segment=de").then().statusCode(202)
                .body("segment", equalTo("de")).body("target", equalTo("wavelength_de_all-minilm-l6-v2-q_v2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SWITCHED".equals(Api.asAdmin().get("/api/admin/index").then()
                .extract().jsonPath().getString("rebuilds.find { it.segment == 'de' }.state")));
    }
}

package org.wavelength.web.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * The whole pipeline on a Podcasting 2.0 feed served over HTTP: transcripts and chapters fetched and
 * parsed, passages embedded, show notes sanitised, conditional GET, moved feeds followed.
 */
@QuarkusTest
@TestProfile(IngestPipelineTest.OwnCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestPipelineTest {

    public static class OwnCatalogue implements QuarkusTestProfile {
    }

    static final String VTT = """
            WEBVTT

            00:00:00.000 --> 00:00:04.000
            <v Ada>Welcome to the history of computing.

            00:00:04.000 --> 00:00:09.500
            <v Charles>Today we talk about the Analytical Engine and its punched cards.
            """;

    static final String CHAPTERS = """
            {"version": "1.2.0", "chapters": [
              {"startTime": 0, "title": "Welcome"},
              {"startTime": 4, "title": "The Engine", "url": "https://example.com/engine"}
            ]}""";

    FeedServer server;
    String feedUrl;
    long feedId;

    String feed(String extraChannel) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0">
                  <channel>
                    <title>Engines of Thought</title>
                    <language>en</language>
                    <description>Computing history, with transcripts.</description>
                    %s
                    <item>
                      <title>The Analytical Engine</title>
                      <guid>engine-1</guid>
                      <description><![CDATA[<p>Hello <b>listeners</b><script>alert(1)</script><img src="x" onerror="alert(2)"> and welcome.</p>]]></description>
                      <enclosure url="%s" type="audio/mpeg" length="123"/>
                      <itunes:season>2</itunes:season>
                      <itunes:episode>7</itunes:episode>
                      <itunes:episodeType>full</itunes:episodeType>
                      <podcast:person role="host">Ada Lovelace</podcast:person>
                      <podcast:transcript url="%s" type="application/srt"/>
                      <podcast:transcript url="%s" type="text/vtt"/>
                      <podcast:chapters url="%s" type="application/json+chapters"/>
                    </item>
                    <item>
                      <title>Lost transcript</title>
                      <guid>engine-2</guid>
                      <enclosure url="%s" type="audio/mpeg" length="123"/>
                      <podcast:transcript url="%s" type="text/vtt"/>
                    </item>
                  </channel>
                </rss>""".formatted(extraChannel, server.url("/1.mp3"), server.url("/ep1.srt"), server.url("/ep1.vtt"),
                server.url("/ep1-chapters.json"), server.url("/2.mp3"), server.url("/missing.vtt"));
    }

    @BeforeEach
    void ingest() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        server.serve("/ep1.vtt", "text/vtt", VTT);
        server.serve("/ep1.srt", "application/srt", "1\n00:00:00,000 --> 00:00:09,500\nSRT should not win.\n");
        server.serve("/ep1-chapters.json", "application/json", CHAPTERS);
        feedUrl = server.serveWithEtag("/engines.xml", "application/rss+xml", feed("").getBytes(StandardCharsets.UTF_8), "\"v1\"");
        feedId = Api.addFeedAndWait(feedUrl);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theRichestTranscriptIsParsedWithSpeakersAndTimes() {
        JsonPath ep = episodeByTitle("The Analytical Engine");
        assertThat(ep.getList("transcript.segments.speaker")).containsExactly("Ada", "Charles");
        assertThat(ep.getDouble("transcript.segments[1].start")).isEqualTo(4.0);
        assertThat(ep.getDouble("transcript.segments[1].end")).isEqualTo(9.5);
        assertThat(ep.getString("transcript.segments[1].text")).contains("Analytical Engine");
        assertThat(ep.getList("chapters.title")).containsExactly("Welcome", "The Engine");
        assertThat(ep.getInt("season")).isEqualTo(2);
        assertThat(ep.getInt("episodeNumber")).isEqualTo(7);
        assertThat(ep.getString("episodeType")).isEqualTo("full");
        assertThat(ep.getList("persons.name")).containsExactly("Ada Lovelace");
    }

    @Test
    void showNotesKeepTheirTextAndLoseScripts() {
        String html = episodeByTitle("The Analytical Engine").getString("descriptionHtml");
        assertThat(html).contains("Hello").contains("<b>listeners</b>").contains("welcome");
        assertThat(html).doesNotContain("<script").doesNotContain("alert").doesNotContain("onerror");
    }

    @Test
    void aTranscriptThatCannotBeFetchedLeavesTheFeedHealthy() {
        JsonPath ep = episodeByTitle("Lost transcript");
        assertThat(ep.getString("transcript")).isNull();
        assertThat(Api.asAdmin().get("/api/admin/feeds/" + feedId).then().extract().jsonPath().getString("status"))
                .isEqualTo("OK");
    }

    @Test
    void passagesAreEmbedded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'vector-index' }.data.passages", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void anUnchangedFeedCostsA304() {
        Api.asAdmin().post("/api/admin/feeds/" + feedId + "/refresh").then().statusCode(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> server.requests("/engines.xml").stream().anyMatch(r -> "\"v1\"".equals(r.ifNoneMatch())));
        Api.awaitFetched(feedId);
        assertThat(Api.asAdmin().get("/api/admin/feeds/" + feedId).then().extract().jsonPath().getString("status"))
                .isEqualTo("OK");
    }

    @Test
    void aFeedThatMovedForGoodIsFollowed() {
        server.serve("/moved-target.xml", "application/rss+xml", feed("").replace("engine-", "moved-").replace(
                "Engines of Thought", "Moved Show"));
        String old = server.redirect("/moved-source.xml", 301, server.url("/moved-target.xml"));
        long id = Api.addFeedAndWait(old);
        assertThat(Api.asAdmin().get("/api/admin/feeds/" + id).then().extract().jsonPath().getString("url"))
                .isEqualTo(server.url("/moved-target.xml"));

        String announced = server.serve("/announcing.xml", "application/rss+xml", feed(
                "<itunes:new-feed-url>" + server.url("/announced-new.xml") + "</itunes:new-feed-url>")
                .replace("engine-", "ann-").replace("Engines of Thought", "Announcing Show"));
        long announcing = Api.addFeedAndWait(announced);
        assertThat(Api.asAdmin().get("/api/admin/feeds/" + announcing).then().extract().jsonPath().getString("url"))
                .isEqualTo(server.url("/announced-new.xml"));
    }

    @Test
    void opmlIsExportedAndImportedByAddress() {
        String opml = Api.asAdmin().get("/api/admin/feeds.opml").then().statusCode(200)
                .contentType(containsString("opml")).extract().asString();
        assertThat(opml).contains("xmlUrl=\"" + feedUrl + "\"");

        String list = server.serve("/list.opml", "text/x-opml", """
                <?xml version="1.0"?><opml version="2.0"><body>
                <outline type="rss" text="Engines" xmlUrl="%s"/>
                <outline type="rss" text="Bread" xmlUrl="%s"/>
                </body></opml>""".formatted(feedUrl, server.serveFixture("sourdough.xml")));
        Api.asAdmin().queryParam("url", list).post("/api/admin/feeds/opml").then().statusCode(200)
                .body("added", org.hamcrest.Matchers.equalTo(1)).body("present", org.hamcrest.Matchers.equalTo(1));
    }

    /** As the README's curl -X POST sends it: no body and no Content-Type (it answered 400 once, taken for a body). */
    @Test
    void opmlIsImportedByAddressWithNoContentTypeAsTheReadmeSendsIt() throws Exception {
        String list = server.serve("/curl.opml", "text/x-opml", """
                <?xml version="1.0"?><opml version="2.0"><body>
                <outline type="rss" text="Engines" xmlUrl="%s"/>
                </body></opml>""".formatted(feedUrl));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/admin/feeds/opml?url="
                                + java.net.URLEncoder.encode(list, java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + Api.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(request.headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"present\":1");
    }

    JsonPath episodeByTitle(String title) {
        long podcastId = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().extract().jsonPath().getLong("podcastId");
        List<Long> ids = given().get("/api/podcasts/" + podcastId + "/episodes").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class);
        for (long id : ids) {
            JsonPath ep = given().get("/api/episodes/" + id).then().statusCode(200).extract().jsonPath();
            if (title.equals(ep.getString("title"))) {
                return ep;
            }
        }
        throw new AssertionError("No episode titled " + title + " in the podcast's episodes");
    }
}

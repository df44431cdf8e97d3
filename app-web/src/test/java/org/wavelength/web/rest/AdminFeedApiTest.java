package org.wavelength.web.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** Bad input on the admin API: clear problem+json, an error stored on the feed, nothing stored lost. */
@QuarkusTest
@TestProfile(AdminFeedApiTest.Isolated.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminFeedApiTest {

    /** A catalogue of its own: these tests add broken feeds that other tests should not see. */
    public static class Isolated implements QuarkusTestProfile {
    }

    FeedServer server;

    @BeforeEach
    void start() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        QuarkusTransaction.requiringNew().run(() -> UserAccount.create("listener", "listener-password", UserAccount.ROLE_USER));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anonymousCallersGetA401ProblemWithABasicChallenge() {
        given().get("/api/admin/feeds").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401));
    }

    @Test
    void listenersAreNotAdmins() {
        given().auth().preemptive().basic("listener", "listener-password").get("/api/admin/feeds").then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo("This needs the admin role."));
    }

    @Test
    void wrongPasswordsAreRefused() {
        given().auth().preemptive().basic("admin", "wrong").get("/api/admin/feeds").then().statusCode(401);
    }

    @Test
    void invalidUrlsAreRefusedWithAReasonAndNotStored() {
        long before = feedCount();
        for (String url : new String[] {"ftp://example.com/feed.xml", "not a url", "", "file:///etc/passwd", "http://"}) {
            Api.asAdmin().contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/admin/feeds").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("title", equalTo("Bad Request"))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
        assertThat(feedCount()).isEqualTo(before);
    }

    @Test
    void malformedRequestsAreA400Problem() {
        Api.asAdmin().contentType(ContentType.JSON).body("{\"url\":").post("/api/admin/feeds").then().statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin().contentType(ContentType.JSON).body("{}").post("/api/admin/feeds").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("{\"url\""));
        Api.asAdmin().contentType(ContentType.TEXT).body("https://example.com/feed").post("/api/admin/feeds").then()
                .statusCode(415).contentType("application/problem+json");
        Api.asAdmin().post("/api/admin/feeds/424242/refresh").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("There is no feed with id 424242."));
    }

    @Test
    void anUnreachableFeedIsStoredWithItsError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonPath feed = feedAfterFetch("http://127.0.0.1:" + closedPort + "/feed.xml");
        assertThat(feed.getString("status")).isEqualTo("ERROR");
        assertThat(feed.getString("lastError")).isNotBlank();
        assertThat(feed.getString("nextFetchAt")).isNotNull();
        assertThat(feed.getString("podcastId")).isNull();
    }

    @Test
    void aDocumentThatIsNotAFeedIsRefusedWithAClearError() {
        String url = server.serve("/page.html", 200, "text/html",
                "<!DOCTYPE html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>".getBytes(StandardCharsets.UTF_8));
        JsonPath feed = feedAfterFetch(url);
        assertThat(feed.getString("status")).isEqualTo("ERROR");
        assertThat(feed.getString("lastError")).containsIgnoringCase("not an RSS or Atom feed");
    }

    @Test
    void aMissingFeedSaysWhatTheServerAnswered() {
        JsonPath feed = feedAfterFetch(server.url("/nothing-here.xml"));
        assertThat(feed.getString("status")).isEqualTo("ERROR");
        assertThat(feed.getString("lastError")).contains("404");
    }

    @Test
    void anXxeDocumentFailsFastWithoutReadingFiles() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title></channel></rss>""";
        JsonPath feed = feedAfterFetch(server.serve("/xxe.xml", 200, "application/rss+xml", xxe.getBytes(StandardCharsets.UTF_8)));
        assertThat(feed.getString("status")).isEqualTo("ERROR");
        assertThat(feed.getString("lastError")).contains("DOCTYPE");
        assertThat(feed.getString("title")).isNull();
    }

    @Test
    void aFeedThatBreaksLaterKeepsItsPodcastAndEpisodes() {
        String url = server.serve("/breaks.xml", 200, "application/rss+xml", FeedServer.fixture("computing-history.xml"));
        JsonPath first = feedAfterFetch(url);
        assertThat(first.getString("status")).isEqualTo("OK");
        long feedId = first.getLong("id");
        long podcastId = first.getLong("podcastId");

        server.serve("/breaks.xml", 200, "application/rss+xml", "<rss><channel><title>cut off".getBytes(StandardCharsets.UTF_8));
        Api.asAdmin().post("/api/admin/feeds/" + feedId + "/refresh").then().statusCode(202);
        Api.awaitFetched(feedId);

        JsonPath after = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().extract().jsonPath();
        assertThat(after.getString("status")).isEqualTo("ERROR");
        assertThat(after.getString("lastError")).isNotBlank();
        assertThat(after.getLong("podcastId")).isEqualTo(podcastId);
        given().get("/api/podcasts/" + podcastId).then().statusCode(200)
                .body("title", equalTo("Bits of History")).body("episodeCount", equalTo(3));
    }

    @Test
    void opmlImportReportsEveryEntry() {
        String known = server.serveFixture("sourdough.xml");
        Api.addFeedAndWait(known);
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Mine</title></head><body>
                  <outline text="Tech">
                    <outline type="rss" text="Retro" xmlUrl="%s"/>
                    <outline type="rss" text="Bad" xmlUrl="gopher://old.example/feed"/>
                  </outline>
                  <outline type="rss" text="Bread" xmlUrl="%s"/>
                </body></opml>""".formatted(server.serveFixture("retro-computing.xml"), known);
        Api.asAdmin().contentType("text/x-opml").body(opml).post("/api/admin/feeds/opml").then().statusCode(200)
                .body("added", equalTo(1)).body("present", equalTo(1))
                .body("invalid", hasSize(1)).body("invalid[0].url", equalTo("gopher://old.example/feed"))
                .body("invalid[0].reason", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));

        Api.asAdmin().contentType("text/x-opml").body("this is not opml").post("/api/admin/feeds/opml").then()
                .statusCode(400).contentType("application/problem+json");
    }

    JsonPath feedAfterFetch(String url) {
        long id = Api.addFeedAndWait(url);
        return Api.asAdmin().get("/api/admin/feeds/" + id).then().statusCode(200).extract().jsonPath();
    }

    long feedCount() {
        return Api.asAdmin().get("/api/admin/feeds?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }
}

package org.wavelength.web.rest.gpodder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.core.domain.Interaction;
import org.wavelength.web.persistence.InteractionEntity;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** gpodder API v2 episode actions: stored once, plays become progress or completion, bad input is a 400. */
@QuarkusTest
@TestProfile(GpodderSyncApiTest.Isolated.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GpodderEpisodeApiTest {

    FeedServer server;
    long carolId;

    @BeforeAll
    void start() {
        server = FeedServer.start();
        carolId = QuarkusTransaction.requiringNew().call(() -> UserAccount.create("carol", "carol-password", UserAccount.ROLE_USER).id);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static RequestSpecification carol() {
        return given().auth().preemptive().basic("carol", "carol-password");
    }

    /** A one-episode feed whose episode's guid is {name}-1 and media URL https://bread.example/1.mp3, ingested. */
    String ingested(String name) {
        String url = server.serve("/" + name + ".xml", "application/rss+xml",
                new String(FeedServer.fixture("sourdough.xml"), StandardCharsets.UTF_8).replace("bread-", name + "-"));
        Api.addFeedAndWait(url);
        return url;
    }

    static Map<String, Object> play(String podcast, String episode, String guid, String device, String time, int position, int total) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("podcast", podcast);
        action.put("episode", episode);
        if (guid != null) {
            action.put("guid", guid);
        }
        action.put("device", device);
        action.put("action", "play");
        action.put("timestamp", time);
        action.put("started", 0);
        action.put("position", position);
        action.put("total", total);
        return action;
    }

    @Test
    void playsBecomeProgressOrCompletionMatchedByMediaUrlThenGuid() {
        String byMedia = ingested("by-media");
        String byGuid = ingested("by-guid");
        carol().body(List.of(play(byMedia, "https://bread.example/1.mp3", null, "phone", "2026-01-02T03:04:05", 300, 1200)))
                .post("/api/2/episodes/carol.json").then().statusCode(200).body("update_urls", equalTo(List.of()));
        assertThat(interactions()).anySatisfy(i -> {
            assertThat(i.type).isEqualTo(Interaction.Type.PROGRESS);
            assertThat(i.positionSeconds).isEqualTo(300);
        });
        // Another app's media URL for the same episode (a tracking prefix): the guid AntennaPod sends finds it.
        carol().body(List.of(play(byGuid, "https://tracker.example/r/bread.example/1.mp3", "by-guid-1", "tablet",
                "2026-01-02T04:00:00", 1150, 1200))).post("/api/2/episodes/carol.json").then().statusCode(200);
        assertThat(interactions()).anySatisfy(i -> assertThat(i.type).isEqualTo(Interaction.Type.COMPLETE));
        // The unknown device was created, as gpodder.net does.
        carol().get("/api/2/devices/carol.json").then().body("id", hasItem("tablet"));
        carol().get("/api/2/episodes/carol.json?since=0&device=tablet").then().statusCode(200)
                .body("actions.guid", equalTo(List.of("by-guid-1"))).body("actions[0].position", equalTo(1150))
                .body("actions[0].timestamp", equalTo("2026-01-02T04:00:00"));
    }

    @Test
    void uploadingTheSameActionsAgainDoesNotDoubleThem() {
        String podcast = server.url("/not-ingested.xml");
        List<Map<String, Object>> actions = List.of(
                play(podcast, "https://x.example/1.mp3", null, "laptop", "2026-02-01T10:00:00", 10, 100),
                play(podcast, "https://x.example/1.mp3", null, "laptop", "2026-02-01T10:05:00", 60, 100),
                Map.of("podcast", podcast, "episode", "https://x.example/2.mp3", "action", "download", "device", "laptop",
                        "timestamp", "2026-02-01T09:00:00"));
        long first = carol().body(actions).post("/api/2/episodes/carol.json").then().statusCode(200)
                .extract().jsonPath().getLong("timestamp");
        carol().body(actions).post("/api/2/episodes/carol.json").then().statusCode(200);
        String query = "/api/2/episodes/carol.json?since=0&podcast=" + podcast;
        carol().get(query).then().statusCode(200).body("actions.size()", equalTo(3));
        carol().get(query + "&aggregated=true").then().statusCode(200).body("actions.size()", equalTo(2))
                .body("actions.find { it.episode == 'https://x.example/1.mp3' }.position", equalTo(60));
        carol().get("/api/2/episodes/carol.json?since=" + first + "&podcast=" + podcast).then().body("actions.size()", equalTo(3));
    }

    @Test
    void tenThousandActionsInOneUploadAreStoredAndMoreThanTheLimitIsA400() {
        String podcast = server.url("/big-history.xml");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(Map.of("podcast", podcast, "episode", "https://big.example/" + i + ".mp3", "action", "download",
                    "device", "big", "timestamp", "2026-03-01T00:00:00"));
        }
        carol().body(many).post("/api/2/episodes/carol.json").then().statusCode(200);
        carol().get("/api/2/episodes/carol.json?since=0&podcast=" + podcast).then().body("actions.size()", equalTo(10_000));
        List<Map<String, Object>> tooMany = new ArrayList<>(many);
        tooMany.addAll(many);
        tooMany.add(many.get(0));
        carol().body(tooMany).post("/api/2/episodes/carol.json").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("20000"));
    }

    @Test
    void badActionsAreA400Problem() {
        String podcast = server.url("/bad.xml");
        carol().body("[{\"podcast\": ").post("/api/2/episodes/carol.json").then().statusCode(400)
                .contentType("application/problem+json");
        carol().body("{\"podcast\": \"x\"}").post("/api/2/episodes/carol.json").then().statusCode(400);
        carol().body(List.of(Map.of("podcast", podcast, "episode", "https://b.example/1.mp3", "action", "jump")))
                .post("/api/2/episodes/carol.json").then().statusCode(400).body("detail", containsString("download, play"));
        carol().body(List.of(Map.of("podcast", "not a url", "episode", "https://b.example/1.mp3", "action", "new")))
                .post("/api/2/episodes/carol.json").then().statusCode(400).body("detail", containsString("Action 1"));
        carol().body(List.of(Map.of("podcast", podcast, "episode", "https://b.example/1.mp3", "action", "new",
                "timestamp", "yesterday"))).post("/api/2/episodes/carol.json").then().statusCode(400);
        carol().body(List.of(Map.of("podcast", podcast, "episode", "https://b.example/1.mp3", "action", "new",
                "device", "bad device!"))).post("/api/2/episodes/carol.json").then().statusCode(400);
        carol().get("/api/2/episodes/carol.json?since=" + (System.currentTimeMillis() / 1000 + 3600)).then().statusCode(400);
        carol().get("/api/2/episodes/carol.json?since=0&podcast=" + podcast).then().body("actions.size()", equalTo(0));
    }

    List<InteractionEntity> interactions() {
        return QuarkusTransaction.requiringNew().call(() -> InteractionEntity.<InteractionEntity>list("userId", carolId));
    }
}

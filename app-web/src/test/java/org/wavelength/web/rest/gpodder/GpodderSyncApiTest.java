package org.wavelength.web.rest.gpodder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.core.domain.Interaction;
import org.wavelength.web.persistence.InteractionEntity;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.support.FeedServer;

/** gpodder.net API v2 and the Simple API: sign-in, devices and subscriptions, with their bad input. */
@QuarkusTest
@TestProfile(GpodderSyncApiTest.Isolated.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GpodderSyncApiTest {

    /** A catalogue of its own: the feeds these tests subscribe to are theirs. */
    public static class Isolated implements QuarkusTestProfile {
    }

    FeedServer server;
    long aliceId;

    @BeforeAll
    void start() {
        server = FeedServer.start();
        aliceId = QuarkusTransaction.requiringNew().call(() -> {
            UserAccount.create("bob", "bob-password", UserAccount.ROLE_USER);
            return UserAccount.create("alice", "alice-password", UserAccount.ROLE_USER).id;
        });
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static RequestSpecification alice() {
        return given().auth().preemptive().basic("alice", "alice-password");
    }

    String feed(String path) {
        return server.serve(path, "application/rss+xml", new String(FeedServer.fixture("sourdough.xml"), StandardCharsets.UTF_8)
                .replace("bread-", path.replaceAll("\\W", "") + "-"));
    }

    @Test
    void anonymousCallsGetTheBasicChallengeThatAppsAnswer() {
        given().get("/api/2/devices/alice.json").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().post("/api/2/auth/alice/login.json").then().statusCode(401);
        given().get("/subscriptions/alice.opml").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("alice", "wrong").post("/api/2/auth/alice/login.json").then().statusCode(401);
    }

    @Test
    void loginGivesTheSessionCookieThatLaterCallsSendAlone() {
        String cookie = alice().post("/api/2/auth/alice/login.json").then().statusCode(200)
                .extract().cookie("quarkus-credential");
        assertThat(cookie).isNotBlank();
        given().cookie("quarkus-credential", cookie).body("{\"caption\": \"Kitchen\", \"type\": \"server\"}")
                .post("/api/2/devices/alice/kitchen.json").then().statusCode(200);
        given().cookie("quarkus-credential", cookie).get("/api/2/devices/alice.json").then().statusCode(200)
                .body("find { it.id == 'kitchen' }.caption", equalTo("Kitchen"));

        given().cookie("quarkus-credential", cookie).post("/api/2/auth/alice/logout.json").then().statusCode(200);
        given().cookie("quarkus-credential", cookie).get("/api/2/devices/alice.json").then().statusCode(401);
    }

    @Test
    void anotherAccountsNameInThePathIsRefused() {
        alice().body("{\"caption\": \"Alice's phone\"}").post("/api/2/devices/alice/phone-a.json").then().statusCode(200);
        for (String path : List.of("/api/2/devices/alice.json", "/api/2/subscriptions/alice/phone-a.json", "/subscriptions/alice.json",
                "/subscriptions/alice/phone-a.txt")) {
            given().auth().preemptive().basic("bob", "bob-password").get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().preemptive().basic("bob", "bob-password").post("/api/2/auth/alice/login.json").then().statusCode(403);
        given().auth().preemptive().basic("bob", "bob-password").body("{}").post("/api/2/devices/alice/phone-a.json")
                .then().statusCode(403);
        given().auth().preemptive().basic("bob", "bob-password").get("/api/2/devices/bob.json").then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void devicesAreCreatedUpdatedAndListedWithTheirSubscriptionCount() {
        alice().body("{\"caption\": \"Laptop\", \"type\": \"laptop\"}").post("/api/2/devices/alice/lap_top.1.json").then().statusCode(200);
        alice().body("{\"caption\": \"Old laptop\"}").post("/api/2/devices/alice/lap_top.1.json").then().statusCode(200);
        alice().body(Map.of("add", List.of(feed("/devices-feed.xml")))).contentType("application/json")
                .post("/api/2/subscriptions/alice/lap_top.1.json").then().statusCode(200);
        alice().get("/api/2/devices/alice.json").then().statusCode(200)
                .body("find { it.id == 'lap_top.1' }.caption", equalTo("Old laptop"))
                .body("find { it.id == 'lap_top.1' }.type", equalTo("laptop"))
                .body("find { it.id == 'lap_top.1' }.subscriptions", equalTo(1));
    }

    @Test
    void badDeviceInputIsA400Problem() {
        alice().body("{}").post("/api/2/devices/alice/bad%20id!.json").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("device id"));
        alice().body("{\"type\": \"toaster\"}").post("/api/2/devices/alice/toaster.json").then().statusCode(400)
                .body("detail", containsString("mobile"));
        alice().body("{\"caption\": ").post("/api/2/devices/alice/broken.json").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("JSON"));
        alice().get("/api/2/devices/alice.json").then().body("id", not(hasItem("toaster")));
    }

    @Test
    void uploadedSubscriptionsComeBackAndBecomeTheListenersOnceIngested() {
        String url = feed("/subscribed.xml");
        JsonPath upload = alice().contentType("application/json")
                .body(Map.of("add", List.of(url, "not a url", "ftp://example.com/feed"), "remove", List.of()))
                .post("/api/2/subscriptions/alice/phone.json").then().statusCode(200).extract().jsonPath();
        long timestamp = upload.getLong("timestamp");
        assertThat(upload.getList("update_urls", List.class)).contains(List.of("not a url", ""), List.of("ftp://example.com/feed", ""));
        assertThat(upload.getList("errors.url", String.class)).containsExactly("not a url", "ftp://example.com/feed");

        alice().get("/api/2/subscriptions/alice/phone.json?since=0").then().statusCode(200)
                .body("add", equalTo(List.of(url))).body("remove", empty());
        // Ingested in the background; the next sync records the subscription on the podcast.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            alice().get("/api/2/subscriptions/alice/phone.json?since=" + timestamp).then().statusCode(200);
            return types(aliceId).contains(Interaction.Type.SUBSCRIBE);
        });

        alice().contentType("application/json").body(Map.of("remove", List.of(url)))
                .post("/api/2/subscriptions/alice/phone.json").then().statusCode(200);
        alice().get("/api/2/subscriptions/alice/phone.json?since=" + timestamp).then().statusCode(200)
                .body("remove", equalTo(List.of(url))).body("add", empty());
        assertThat(types(aliceId)).contains(Interaction.Type.UNSUBSCRIBE);
        // Another device sees nothing of phone's.
        alice().get("/api/2/subscriptions/alice/tablet.json?since=0").then().statusCode(200)
                .body("add", empty()).body("remove", empty());
    }

    @Test
    void badSubscriptionInputIsA400Problem() {
        String url = feed("/both.xml");
        alice().contentType("application/json").body(Map.of("add", List.of(url), "remove", List.of(url)))
                .post("/api/2/subscriptions/alice/phone.json").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(url));
        long future = System.currentTimeMillis() / 1000 + 3600;
        alice().get("/api/2/subscriptions/alice/phone.json?since=" + future).then().statusCode(400)
                .body("detail", containsString("later"));
        alice().get("/api/2/subscriptions/alice/phone.json?since=yesterday").then().statusCode(400);
        alice().body("[\"not an object\"]").post("/api/2/subscriptions/alice/phone.json").then().statusCode(400)
                .contentType("application/problem+json");
        alice().body("{\"add\": [").post("/api/2/subscriptions/alice/phone.json").then().statusCode(400);
    }

    @Test
    void simpleApiPutsAndGetsEachFormat() {
        String first = feed("/simple-1.xml");
        String second = feed("/simple-2.xml");
        alice().body("[\"" + first + "\", \"" + second + "\"]").put("/subscriptions/alice/simple.json").then().statusCode(200);
        alice().get("/subscriptions/alice/simple.json").then().statusCode(200).body("$", equalTo(List.of(first, second)));
        alice().body(second + "\n").put("/subscriptions/alice/simple.txt").then().statusCode(200);
        assertThat(alice().get("/subscriptions/alice/simple.txt").then().statusCode(200).extract().asString())
                .isEqualTo(second + "\n");
        alice().get("/subscriptions/alice/simple.opml").then().statusCode(200)
                .body(containsString("xmlUrl=\"" + second + "\"")).body(not(containsString(first)));
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body><outline type=\"rss\" text=\"x\" xmlUrl=\""
                + first + "\"/></body></opml>";
        alice().body(opml).put("/subscriptions/alice/other.opml").then().statusCode(200);
        alice().get("/subscriptions/alice.json").then().statusCode(200).body("$", hasItem(first)).body("$", hasItem(second));
        alice().get("/subscriptions/alice/simple.xml").then().statusCode(400);
        alice().body("[1, ").put("/subscriptions/alice/simple.json").then().statusCode(400);
        alice().get("/subscriptions/alice/simple.json").then().body("$", hasSize(1));
    }

    static List<Interaction.Type> types(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> InteractionEntity.<InteractionEntity>list("userId", userId)
                .stream().map(i -> i.type).toList());
    }
}

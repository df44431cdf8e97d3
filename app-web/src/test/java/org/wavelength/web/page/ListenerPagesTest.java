package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;
import org.wavelength.web.support.WebSession;

/** The home page and the profile page of a listener, on the three-show listening catalogue. */
@QuarkusTest
@TestProfile(ListenerPagesTest.OwnCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenerPagesTest {

    public static class OwnCatalogue implements QuarkusTestProfile {
    }

    static final String PASSWORD = "listener-password";
    static final AtomicInteger count = new AtomicInteger();
    static final String JUPITER = "Jupiter's moons through a backyard telescope";
    static final String CURRY = "Spicy vegetable curry with coconut milk";

    FeedServer server;
    final Map<String, Long> episodes = new HashMap<>();
    final Map<String, Long> podcasts = new HashMap<>();

    /** Once, but not in @BeforeAll: the test port is known only when the first test runs. */
    @BeforeEach
    void ingest() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        for (String fixture : List.of("night-sky.xml", "weeknight-kitchen.xml", "final-whistle.xml")) {
            long feedId = Api.addFeedAndWait(server.serveWithRecentDates(fixture));
            long podcastId = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().body("status", equalTo("OK"))
                    .extract().jsonPath().getLong("podcastId");
            JsonPath list = given().get("/api/podcasts/" + podcastId + "/episodes").then().extract().jsonPath();
            podcasts.put(given().get("/api/podcasts/" + podcastId).then().extract().jsonPath().getString("title"), podcastId);
            List<String> titles = list.getList("items.title");
            for (int i = 0; i < titles.size(); i++) {
                episodes.put(titles.get(i), list.getLong("items[" + i + "].id"));
            }
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    String newListener() {
        String name = "pages-" + count.incrementAndGet();
        WebSession.createListener(name, PASSWORD);
        return name;
    }

    static RequestSpecification api(String name) {
        return given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON);
    }

    void did(String name, String type, String episodeTitle) {
        api(name).body(Map.of("episodeId", episodes.get(episodeTitle), "type", type)).post("/api/me/interactions")
                .then().statusCode(201);
    }

    @Test
    void anonymousVisitorsSeePopularNewAndThePodcastsButNoForYou() {
        String fan = newListener();
        did(fan, "COMPLETE", CURRY);
        Document home = WebSession.anonymous().page("/");
        assertThat(home.select("#for-you")).isEmpty();
        assertThat(home.select("#popular li a[href^=/episodes/]").eachText()).contains(CURRY);
        assertThat(home.select("#new li a[href^=/episodes/]")).isNotEmpty();
        assertThat(home.select("#new li a[href^=/podcasts/]")).isNotEmpty();
        assertThat(home.select("#podcasts h3 a").eachText()).contains("Night Sky Notes", "Weeknight Kitchen", "Final Whistle");
    }

    @Test
    void newTakesAtMostTwoEpisodesOfOnePodcast() {
        Document home = WebSession.anonymous().page("/");

        List<String> podcastsOfNew = home.select("#new li a[href^=/podcasts/]").eachAttr("href");
        assertThat(podcastsOfNew).hasSizeGreaterThan(2);
        assertThat(podcastsOfNew.stream().collect(java.util.stream.Collectors.groupingBy(href -> href,
                java.util.stream.Collectors.counting()))).allSatisfy((podcast, count) -> assertThat(count).isLessThanOrEqualTo(2));
    }

    @Test
    void aNewListenerIsAskedWhatTheyLikeAndThenGetsEpisodesOnThoseInterests() {
        String name = newListener();
        WebSession session = WebSession.signedIn(name, PASSWORD);
        Document home = session.page("/");
        Element form = home.selectFirst("#for-you form#onboarding");
        assertThat(form).as("onboarding form").isNotNull();
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.select("input[type=checkbox][name=language]").eachAttr("value")).containsExactly("en");
        assertThat(home.select("label[for=interests]")).hasSize(1);

        Response saved = session.request().formParam("csrf-token", WebSession.csrf(home, "form#onboarding"))
                .formParam("language", "en").formParam("interests", "astronomy, telescopes and planets")
                .post("/welcome");
        assertThat(saved.statusCode()).isEqualTo(303);
        api(name).get("/api/me/preferences").then().body("languages", equalTo(List.of("en")))
                .body("interests", equalTo("astronomy, telescopes and planets"));

        Document after = session.page("/");
        assertThat(after.select("form#onboarding")).isEmpty();
        List<Element> items = after.select("#for-you li.recommendation");
        assertThat(items).isNotEmpty();
        Element first = items.get(0);
        assertThat(first.selectFirst("a[href^=/podcasts/]").text()).isEqualTo("Night Sky Notes");
        assertThat(first.selectFirst("a[href^=/episodes/]").attr("href"))
                .matches("/episodes/\\d+");
        assertThat(first.select(".reason").text()).isNotBlank();
    }

    @Test
    void aListenerWithHistoryGetsForYouWithReasonsAndSeesItOnTheProfile() {
        String name = newListener();
        did(name, "COMPLETE", JUPITER);
        did(name, "LIKE", JUPITER);
        api(name).body(Map.of("podcastId", podcasts.get("Night Sky Notes"), "type", "SUBSCRIBE"))
                .post("/api/me/interactions").then().statusCode(201);
        WebSession session = WebSession.signedIn(name, PASSWORD);

        Document home = session.page("/");
        assertThat(home.select("form#onboarding")).isEmpty();
        List<Element> items = home.select("#for-you li.recommendation");
        assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        for (Element item : items) {
            assertThat(item.select(".reason").text()).isNotBlank();
        }
        assertThat(items.get(0).selectFirst("a[href^=/podcasts/]").text()).isEqualTo("Night Sky Notes");
        assertThat(home.select("#for-you a[href^=/episodes/]").eachText()).doesNotContain(JUPITER);

        Document me = session.page("/me");
        assertThat(me.select("#history li").eachText()).anyMatch(t -> t.startsWith("Finished " + JUPITER))
                .anyMatch(t -> t.startsWith("Liked " + JUPITER))
                .anyMatch(t -> t.startsWith("Subscribed to Night Sky Notes"));
        assertThat(me.select("#likes a[href^=/episodes/]").eachText()).containsExactly(JUPITER);
        assertThat(me.select("#subscriptions a").eachText()).containsExactly("Night Sky Notes");
        assertThat(me.select("#subscriptions a").attr("href")).isEqualTo("/podcasts/" + podcasts.get("Night Sky Notes"));
    }

    @Test
    void aListenerWhoChoseChineseReadsForYouAndItsReasonsInChinese() {
        String name = newListener();
        did(name, "COMPLETE", JUPITER);
        did(name, "LIKE", JUPITER);
        WebSession session = WebSession.signedIn(name, PASSWORD);
        Document english = session.page("/");
        assertThat(english.select("#for-you-heading").text()).isEqualTo("For you");
        assertThat(english.select("#for-you .reason").eachText()).contains("Because you liked " + JUPITER);

        session.request().formParam("csrf-token", WebSession.csrf(english, "form.language-switch"))
                .formParam("lang", "zh").formParam("return", "/").post("/ui-language").then().statusCode(303);
        Document chinese = session.page("/");
        assertThat(chinese.select("#for-you-heading").text()).isEqualTo("为你推荐");
        List<String> reasons = chinese.select("#for-you .reason").eachText();
        assertThat(reasons).contains("因为你喜欢《" + JUPITER + "》")
                .allSatisfy(reason -> assertThat(reason).matches(".*\\p{IsHan}.*")
                        .doesNotContain("Because", "Listeners with", "Matches your", "New from", "Close"));
        // The API is for scripts: its reasons stay English.
        api(name).get("/api/me/recommendations").then().statusCode(200)
                .body("items.reason", org.hamcrest.Matchers.hasItem("Because you liked " + JUPITER));
    }

    @Test
    void theProfileSavesPreferencesWithRedirectAndChecksThem() {
        String name = newListener();
        WebSession session = WebSession.signedIn(name, PASSWORD);
        Document me = session.page("/me");
        assertThat(me.select("#history").text()).contains("Nothing yet");
        assertThat(me.select("input[name=explicit]").hasAttr("checked")).isTrue();
        assertThat(me.select("label[for=interests]")).hasSize(1);
        String token = WebSession.csrf(me, "form[action=/me/preferences]");

        // explicit unticked: not sent at all.
        Response saved = session.request().formParam("csrf-token", token).formParam("language", "en")
                .formParam("interests", "home cooking").post("/me/preferences");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/me?saved=true");
        Document after = session.page("/me?saved=true");
        assertThat(after.select("[role=status]").text()).contains("saved");
        assertThat(after.select("input[name=explicit]").hasAttr("checked")).isFalse();
        assertThat(after.select("input[name=language][value=en]").hasAttr("checked")).isTrue();
        assertThat(after.select("textarea#interests").text()).isEqualTo("home cooking");
        api(name).get("/api/me/preferences").then().body("explicitAllowed", equalTo(false))
                .body("interests", equalTo("home cooking"));

        Response bad = session.request().formParam("csrf-token", token).formParam("language", "not a language!")
                .post("/me/preferences");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("not a language code");
        Response tooLong = session.request().formParam("csrf-token", token).formParam("interests", "x".repeat(1001))
                .post("/me/preferences");
        assertThat(tooLong.statusCode()).isEqualTo(400);

        session.request().formParam("language", "en").post("/me/preferences").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 403));
        WebSession.anonymous().request().get("/me").then().statusCode(303);
    }
}

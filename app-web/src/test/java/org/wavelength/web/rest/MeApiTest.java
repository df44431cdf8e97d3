package org.wavelength.web.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.web.config.CoreBeans;
import org.wavelength.web.config.WavelengthConfig;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * The listener's API on a catalogue of three shows on clearly different subjects (astronomy,
 * cooking, football; the football show is explicit), ingested from feeds over HTTP: recommendations
 * that follow each interaction at once, with reasons a person can check; interactions and
 * preferences checked strictly; similar episodes. Each test signs up listeners of its own, so that
 * their histories do not mix (other listeners only matter as neighbours and for popularity).
 */
@QuarkusTest
@TestProfile(MeApiTest.ListeningCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeApiTest {

    /** Assertions on podcasts and neighbours assume a catalogue of exactly these three feeds. */
    public static class ListeningCatalogue implements QuarkusTestProfile {
    }

    static final String SKY = "Night Sky Notes";
    static final String KITCHEN = "Weeknight Kitchen";
    static final String WHISTLE = "Final Whistle";

    static final String JUPITER = "Jupiter's moons through a backyard telescope";
    static final String BLACK_HOLES = "How black holes bend light";
    static final String ANDROMEDA = "Andromeda and the Milky Way on a collision course";
    static final String METEORS = "Meteor showers: when and where to look up";
    static final String EXOPLANETS = "Exoplanets and the search for habitable worlds";
    static final String LEMON_CHICKEN = "One-pan lemon chicken with roasted potatoes";
    static final String PASTA = "Fresh pasta dough by hand";
    static final String CURRY = "Spicy vegetable curry with coconut milk";
    static final String KNIFE_SKILLS = "Knife skills: dicing onions and garlic";
    static final String TRANSFERS = "Transfer window: strikers, midfielders and fees";
    static final String TACTICS = "Tactics: pressing, counter-attacks and the back four";
    static final String PENALTIES = "Penalty shootouts and goalkeepers";
    /** Published yesterday, 62 minutes long; no test engages with it, so it stays "just published". */
    static final String DERBY = "Derby day: a last-minute winner";

    static final String PASSWORD = "listener-password";
    static final AtomicInteger listenerCount = new AtomicInteger();

    @Inject
    WavelengthConfig config;

    FeedServer server;
    final Map<String, Long> podcasts = new HashMap<>();
    final Map<String, Long> episodes = new HashMap<>();

    /** A listener account made for one test, calling the API with HTTP Basic. */
    record Listener(String name) {
        RequestSpecification api() {
            return given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON);
        }
    }

    @BeforeEach
    void ingest() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        for (String fixture : List.of("night-sky.xml", "weeknight-kitchen.xml", "final-whistle.xml")) {
            long feedId = Api.addFeedAndWait(server.serveWithRecentDates(fixture));
            long podcastId = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().statusCode(200)
                    .body("status", equalTo("OK")).extract().jsonPath().getLong("podcastId");
            JsonPath podcast = given().get("/api/podcasts/" + podcastId).then().statusCode(200).extract().jsonPath();
            podcasts.put(podcast.getString("title"), podcastId);
            JsonPath list = given().get("/api/podcasts/" + podcastId + "/episodes").then().statusCode(200).extract().jsonPath();
            List<String> titles = list.getList("items.title");
            for (int i = 0; i < titles.size(); i++) {
                episodes.put(titles.get(i), list.getLong("items[" + i + "].id"));
            }
        }
        assertThat(episodes).hasSize(15);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    Listener newListener() {
        String name = "listener-" + listenerCount.incrementAndGet();
        QuarkusTransaction.requiringNew().run(() -> UserAccount.create(name, PASSWORD, UserAccount.ROLE_USER));
        return new Listener(name);
    }

    long episode(String title) {
        return episodes.get(title);
    }

    /** The listener did something with an episode, e.g. COMPLETE or LIKE. */
    void did(Listener listener, String type, String episodeTitle) {
        listener.api().body(Map.of("episodeId", episode(episodeTitle), "type", type)).post("/api/me/interactions")
                .then().statusCode(201);
    }

    void didToPodcast(Listener listener, String type, String podcastTitle) {
        listener.api().body(Map.of("podcastId", podcasts.get(podcastTitle), "type", type)).post("/api/me/interactions")
                .then().statusCode(201);
    }

    void listenedAndLiked(Listener listener, String episodeTitle) {
        did(listener, "COMPLETE", episodeTitle);
        did(listener, "LIKE", episodeTitle);
    }

    JsonPath recommendations(Listener listener, String query) {
        return listener.api().get("/api/me/recommendations" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200)
                .extract().jsonPath();
    }

    static String daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).toString();
    }

    // --- Access ----------------------------------------------------------------------------------------

    @Test
    void everyMeRouteNeedsASignedInListener() {
        for (String route : List.of("GET /api/me/recommendations", "POST /api/me/interactions",
                "GET /api/me/preferences", "PUT /api/me/preferences")) {
            String[] parts = route.split(" ");
            anonymous(parts[0]).request(parts[0], parts[1]).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Basic"))
                    .body("status", equalTo(401));
            anonymous(parts[0]).auth().preemptive().basic("nobody", "wrong").request(parts[0], parts[1]).then()
                    .statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Basic"))
                    .body("detail", equalTo("The user name or password is wrong."));
        }
        // The admin is a listener too.
        Api.asAdmin().get("/api/me/preferences").then().statusCode(200).body("explicitAllowed", equalTo(true));
    }

    static RequestSpecification anonymous(String method) {
        return method.equals("GET") ? given()
                : given().contentType(ContentType.JSON).body("{\"episodeId\": 1, \"type\": \"LIKE\"}");
    }

    // --- Checks of what is sent -------------------------------------------------------------------------

    @Test
    void recommendationQueriesAreChecked() {
        Listener listener = newListener();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("strategy=popular", "strategy is one of blend, profile, recent, similar-users; it was popular.");
        bad.put("strategy=best", "strategy is one of blend, profile, recent, similar-users; it was best.");
        bad.put("limit=0", "limit must be between 1 and 50");
        bad.put("limit=51", "limit must be between 1 and 50");
        bad.put("limit=ten", "limit must be between 1 and 50");
        bad.put("explicit=maybe", "explicit is true or false");
        bad.put("minDuration=-1", "minDuration is a whole number of minutes");
        bad.put("maxDuration=long", "maxDuration is a whole number of minutes");
        bad.put("minDuration=30&maxDuration=10", "minDuration (30) is more than maxDuration (10).");
        bad.put("publishedAfter=yesterday", "publishedAfter takes an ISO date");
        bad.put("publishedAfter=2024-13-01", "publishedAfter takes an ISO date");
        bad.put("language=english!", "language takes a language code");
        bad.forEach((query, detail) -> listener.api().get("/api/me/recommendations?" + query).then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString(detail)));
    }

    @Test
    void interactionsAreCheckedAndTheirPodcastIsFilledIn() {
        Listener listener = newListener();
        String types = "PLAY, PROGRESS, COMPLETE, LIKE, DISLIKE, SUBSCRIBE, UNSUBSCRIBE, NOT_INTERESTED";
        long jupiter = episode(JUPITER);
        long sky = podcasts.get(SKY);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("", "Send a JSON body");
        bad.put("{\"episodeId\":", "");
        bad.put("{\"episodeId\": \"the first\", \"type\": \"LIKE\"}", "In the JSON body, episodeId does not have the expected type.");
        bad.put("[" + jupiter + "]", "The JSON body does not have the expected shape.");
        bad.put("{\"episodeId\": " + jupiter + "}", "type is one of " + types);
        bad.put("{\"episodeId\": " + jupiter + ", \"type\": \"SKIP\"}", "type is one of " + types + "; it was SKIP.");
        bad.put("{\"type\": \"LIKE\"}", "Name the episode (episodeId) or the podcast (podcastId)");
        bad.put("{\"episodeId\": " + jupiter + ", \"type\": \"SUBSCRIBE\"}", "SUBSCRIBE is about a podcast");
        bad.put("{\"podcastId\": " + sky + ", \"type\": \"PLAY\"}", "PLAY is about an episode");
        bad.put("{\"podcastId\": " + sky + ", \"type\": \"DISLIKE\"}", "NOT_INTERESTED dismisses a whole podcast");
        bad.put("{\"episodeId\": " + jupiter + ", \"type\": \"PROGRESS\", \"positionSeconds\": -5}",
                "positionSeconds cannot be negative");
        bad.put("{\"episodeId\": " + jupiter + ", \"type\": \"PROGRESS\"}", "send positionSeconds");
        bad.put("{\"episodeId\": " + jupiter + ", \"podcastId\": " + podcasts.get(KITCHEN) + ", \"type\": \"LIKE\"}",
                "belongs to podcast " + sky);
        bad.forEach((body, detail) -> listener.api().body(body).post("/api/me/interactions").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString(detail)));

        listener.api().body("{\"episodeId\": 999999, \"type\": \"LIKE\"}").post("/api/me/interactions").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no episode with id 999999."));
        listener.api().body("{\"podcastId\": 999999, \"type\": \"SUBSCRIBE\"}").post("/api/me/interactions").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no podcast with id 999999."));

        listener.api().body("{\"episodeId\": " + jupiter + ", \"type\": \"progress\", \"positionSeconds\": 600}")
                .post("/api/me/interactions").then().statusCode(201)
                .body("episodeId", equalTo((int) jupiter)).body("podcastId", equalTo((int) sky))
                .body("type", equalTo("PROGRESS")).body("positionSeconds", equalTo(600)).body("at", notNullValue());
        listener.api().body("{\"episodeId\": " + jupiter + ", \"podcastId\": " + sky + ", \"type\": \"LIKE\"}")
                .post("/api/me/interactions").then().statusCode(201);
        listener.api().body("{\"podcastId\": " + sky + ", \"type\": \"SUBSCRIBE\"}")
                .post("/api/me/interactions").then().statusCode(201).body("episodeId", equalTo(null));
    }

    @Test
    void preferencesRoundTrip() {
        Listener listener = newListener();
        listener.api().get("/api/me/preferences").then().statusCode(200)
                .body("languages", equalTo(List.of())).body("explicitAllowed", equalTo(true)).body("interests", equalTo(""));

        listener.api().body(Map.of("languages", List.of("en-GB", "de"), "explicitAllowed", false,
                "interests", "  jazz, the history of astronomy  ")).put("/api/me/preferences").then().statusCode(200)
                .body("languages", equalTo(List.of("de", "en"))).body("explicitAllowed", equalTo(false))
                .body("interests", equalTo("jazz, the history of astronomy"));
        listener.api().get("/api/me/preferences").then().statusCode(200)
                .body("languages", equalTo(List.of("de", "en"))).body("explicitAllowed", equalTo(false))
                .body("interests", equalTo("jazz, the history of astronomy"));

        listener.api().body(Map.of("interests", "a".repeat(1001))).put("/api/me/preferences").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("limited to 1000 characters"));
        listener.api().body(Map.of("languages", List.of("klingon!"))).put("/api/me/preferences").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("languages takes a language code"));
        for (String body : List.of("", "{\"languages\": \"en\"}", "{\"explicitAllowed\": \"maybe\"}", "{\"interests\": ")) {
            listener.api().body(body).put("/api/me/preferences").then().statusCode(400).contentType("application/problem+json");
        }
        // Refused changes left the saved preferences alone.
        listener.api().get("/api/me/preferences").then().body("interests", equalTo("jazz, the history of astronomy"));

        // A field left out takes its default.
        listener.api().body(Map.of("interests", "a".repeat(1000))).put("/api/me/preferences").then().statusCode(200)
                .body("languages", equalTo(List.of())).body("explicitAllowed", equalTo(true));
    }

    // --- Recommendations ---------------------------------------------------------------------------------

    @Test
    void aLikeCountsFromTheVeryNextRequest() {
        Listener listener = newListener();
        listenedAndLiked(listener, JUPITER);

        JsonPath first = recommendations(listener, "strategy=profile&limit=5");
        assertThat(first.getList("items.podcast.title", String.class).subList(0, 3)).containsOnly(SKY);
        assertThat(first.getList("items.episode.title")).doesNotContain(JUPITER);
        assertThat(first.getList("items.reason", String.class)).containsOnly("Because you liked " + JUPITER);
        assertThat(first.getList("items.strategy", String.class)).containsOnly("profile");

        listenedAndLiked(listener, CURRY);

        JsonPath second = recommendations(listener, "strategy=profile&limit=10");
        List<String> podcastTitles = second.getList("items.podcast.title", String.class);
        List<String> reasons = second.getList("items.reason", String.class);
        assertThat(podcastTitles).contains(KITCHEN);
        for (int i = 0; i < podcastTitles.size(); i++) {
            if (podcastTitles.get(i).equals(KITCHEN)) {
                assertThat(reasons.get(i)).isEqualTo("Because you liked " + CURRY);
            } else if (podcastTitles.get(i).equals(SKY)) {
                assertThat(reasons.get(i)).isEqualTo("Because you liked " + JUPITER);
            }
        }
        assertThat(second.getList("items.episode.title")).doesNotContain(JUPITER, CURRY);
        // Both subjects now rank above the one the listener never touched.
        assertThat(podcastTitles.subList(0, 4)).doesNotContain(WHISTLE);
    }

    @Test
    void heardDislikedAndDismissedEpisodesAndDismissedPodcastsNeverComeBack() {
        Listener listener = newListener();
        did(listener, "COMPLETE", JUPITER);
        did(listener, "DISLIKE", BLACK_HOLES);
        did(listener, "NOT_INTERESTED", ANDROMEDA);
        did(listener, "LIKE", METEORS);
        did(listener, "PLAY", TRANSFERS);
        didToPodcast(listener, "NOT_INTERESTED", KITCHEN);

        for (String strategy : List.of("blend", "profile", "recent", "similar-users")) {
            JsonPath found = recommendations(listener, "strategy=" + strategy + "&limit=50");
            assertThat(found.getList("items.episode.title")).as(strategy)
                    .doesNotContain(JUPITER, BLACK_HOLES, ANDROMEDA, METEORS, TRANSFERS);
            assertThat(found.getList("items.podcast.title")).as(strategy).doesNotContain(KITCHEN);
        }
        // What is left is still recommended.
        assertThat(recommendations(listener, "strategy=profile&limit=50").getList("items.episode.title"))
                .contains(EXOPLANETS);
    }

    @Test
    void explicitPodcastsStayOutOnceTheListenerSaysSo() {
        Listener listener = newListener();
        listenedAndLiked(listener, PENALTIES);
        assertThat(recommendations(listener, "strategy=profile&limit=10").getList("items.podcast.title")).contains(WHISTLE);

        listener.api().body(Map.of("explicitAllowed", false)).put("/api/me/preferences").then().statusCode(200);

        for (String strategy : List.of("blend", "profile", "recent", "similar-users")) {
            assertThat(recommendations(listener, "strategy=" + strategy + "&limit=50").getList("items.podcast.title"))
                    .as(strategy).doesNotContain(WHISTLE);
        }
        // Asking for explicit episodes does not overrule the listener's own choice.
        assertThat(recommendations(listener, "strategy=profile&explicit=true").getList("items")).isEmpty();
    }

    @Test
    void queryFiltersNarrowTheRecommendations() {
        Listener listener = newListener();
        listenedAndLiked(listener, EXOPLANETS);

        JsonPath food = recommendations(listener, "strategy=profile&limit=20&category=Food");
        assertThat(food.getList("items.podcast.title", String.class)).isNotEmpty().containsOnly(KITCHEN);
        JsonPath foodOrSoccer = recommendations(listener, "strategy=profile&limit=20&category=Food&category=Soccer");
        assertThat(foodOrSoccer.getList("items.podcast.title", String.class)).contains(KITCHEN, WHISTLE).doesNotContain(SKY);

        JsonPath explicitOnly = recommendations(listener, "strategy=profile&limit=20&explicit=true");
        assertThat(explicitOnly.getList("items.podcast.title", String.class)).isNotEmpty().containsOnly(WHISTLE);
        JsonPath cleanOnly = recommendations(listener, "strategy=blend&limit=20&explicit=false");
        assertThat(cleanOnly.getList("items.podcast.title", String.class)).isNotEmpty().doesNotContain(WHISTLE);

        JsonPath between = recommendations(listener, "strategy=profile&limit=20&minDuration=40&maxDuration=50");
        assertThat(between.getList("items.episode.durationSeconds", Integer.class)).isNotEmpty()
                .allSatisfy(seconds -> assertThat(seconds).isBetween(40 * 60, 50 * 60));

        JsonPath recent = recommendations(listener, "strategy=profile&limit=20&publishedAfter=" + daysAgo(10));
        Instant tenDaysAgo = LocalDate.parse(daysAgo(10)).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(recent.getList("items.episode.publishedAt", String.class)).isNotEmpty()
                .allSatisfy(date -> assertThat(Instant.parse(date)).isAfter(tenDaysAgo));

        assertThat(recommendations(listener, "strategy=profile&language=en").getList("items")).isNotEmpty();
        assertThat(recommendations(listener, "strategy=profile&language=fr").getList("items")).isEmpty();
    }

    @Test
    void listenersWithASimilarTasteShareWhatTheyEnjoyed() {
        Listener a = newListener();
        listenedAndLiked(a, METEORS);
        did(a, "LIKE", EXOPLANETS);
        Listener b = newListener();
        listenedAndLiked(b, METEORS);

        JsonPath found = recommendations(b, "strategy=similar-users&limit=20");
        List<String> titles = found.getList("items.episode.title", String.class);
        assertThat(titles).contains(EXOPLANETS).doesNotContain(METEORS);
        assertThat(found.getList("items.reason", String.class)).containsOnly("Listeners with your taste enjoyed this");
        assertThat(found.getList("items.strategy", String.class)).containsOnly("similar-users");
    }

    @Test
    void theRecentStrategyNamesTheEpisodeItStartsFrom() {
        Listener listener = newListener();
        did(listener, "COMPLETE", TACTICS);

        JsonPath first = recommendations(listener, "strategy=recent");
        assertThat(first.getList("items.reason", String.class)).isNotEmpty()
                .containsOnly("Because you listened to " + TACTICS);
        assertThat(first.getList("items.podcast.title", String.class)).contains(WHISTLE);
        assertThat(first.getList("items.strategy", String.class)).containsOnly("recent");

        did(listener, "PLAY", PASTA);

        JsonPath second = recommendations(listener, "strategy=recent");
        assertThat(second.getList("items.reason", String.class))
                .contains("Because you listened to " + PASTA, "Because you listened to " + TACTICS);
        assertThat(second.getList("items.episode.title")).doesNotContain(TACTICS, PASTA);
    }

    @Test
    void aNewListenerWithInterestsGetsEpisodesMatchingThem() {
        Listener listener = newListener();
        listener.api().body(Map.of("interests", "telescopes, planets and galaxies")).put("/api/me/preferences").then()
                .statusCode(200);

        JsonPath profile = recommendations(listener, "strategy=profile&limit=5");
        assertThat(profile.getString("items[0].podcast.title")).isEqualTo(SKY);
        assertThat(profile.getList("items.reason", String.class)).isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).isIn("Matches your interest in telescopes",
                        "Matches your interest in planets and galaxies"));

        JsonPath blend = recommendations(listener, "");
        assertThat(blend.getList("items.reason", String.class)).anySatisfy(
                reason -> assertThat(reason).startsWith("Matches your interest in "));
        assertThat(blend.getList("items.strategy", String.class)).doesNotContain("popular", "new");
    }

    @Test
    void aListenerWeKnowNothingAboutGetsPopularAndNewEpisodes() {
        Listener someoneElse = newListener();
        did(someoneElse, "PLAY", KNIFE_SKILLS); // old: it can only be popular, not new
        Listener newcomer = newListener();

        JsonPath blend = recommendations(newcomer, "");
        assertThat(blend.getList("items")).isNotEmpty();
        List<String> strategies = blend.getList("items.strategy", String.class);
        List<String> reasons = blend.getList("items.reason", String.class);
        for (int i = 0; i < strategies.size(); i++) {
            assertThat(strategies.get(i)).isIn("popular", "new");
            assertThat(reasons.get(i)).isEqualTo(strategies.get(i).equals("popular")
                    ? "Popular with listeners this month" : "Just published");
        }

        // Filters pick one of each: the only episode under a quarter of an hour, and the only hour-long one of this week.
        JsonPath shortOnes = recommendations(newcomer, "maxDuration=15");
        assertThat(shortOnes.getList("items.episode.title")).containsExactly(KNIFE_SKILLS);
        assertThat(shortOnes.getList("items.strategy")).containsExactly("popular");
        assertThat(shortOnes.getList("items.reason")).containsExactly("Popular with listeners this month");

        JsonPath longNewOnes = recommendations(newcomer, "minDuration=60&publishedAfter=" + daysAgo(5));
        assertThat(longNewOnes.getList("items.episode.title")).containsExactly(DERBY);
        assertThat(longNewOnes.getList("items.strategy")).containsExactly("new");
        assertThat(longNewOnes.getList("items.reason")).containsExactly("Just published");
    }

    @Test
    void recommendedItemsCarryTheEpisodeAndItsPodcast() {
        Listener listener = newListener();
        listenedAndLiked(listener, LEMON_CHICKEN);
        JsonPath found = recommendations(listener, "limit=3");
        assertThat(found.getList("items")).hasSize(3);
        assertThat(found.getLong("items[0].episode.id")).isPositive();
        assertThat(found.getString("items[0].episode.audioUrl")).startsWith("https://");
        assertThat(found.getString("items[0].episode.publishedAt")).isNotNull();
        assertThat(found.getInt("items[0].episode.durationSeconds")).isPositive();
        assertThat(found.getString("items[0].podcast.title")).isIn(SKY, KITCHEN, WHISTLE);
        assertThat(found.getLong("items[0].podcast.id")).isEqualTo(found.getLong("items[0].episode.podcastId"));
        assertThat(found.getDouble("items[0].score")).isPositive();
        assertThat(found.getList("items.strategy", String.class)).allSatisfy(
                s -> assertThat(s).isIn("profile", "recent", "similar-users", "following"));
    }

    // --- Similar episodes (public) -----------------------------------------------------------------------

    @Test
    void similarEpisodesComeWithTheirPodcastAndAReason() {
        JsonPath similar = given().get("/api/episodes/" + episode(JUPITER) + "/similar?limit=6").then().statusCode(200)
                .extract().jsonPath();
        List<String> titles = similar.getList("items.episode.title", String.class);
        List<String> podcastTitles = similar.getList("items.podcast.title", String.class);
        List<String> reasons = similar.getList("items.reason", String.class);
        assertThat(titles).isNotEmpty().doesNotContain(JUPITER);
        assertThat(podcastTitles.get(0)).isEqualTo(SKY);
        assertThat(podcastTitles.stream().filter(SKY::equals).count()).isLessThanOrEqualTo(2);
        for (int i = 0; i < titles.size(); i++) {
            assertThat(reasons.get(i)).isEqualTo(podcastTitles.get(i).equals(SKY)
                    ? "Also from " + SKY + ", on a close subject" : "Close in subject to " + JUPITER);
        }
        assertThat(similar.getList("items.score", Float.class)).isSortedAccordingTo((x, y) -> Float.compare(y, x));
        assertThat(similar.getString("items[0].episode.audioUrl")).startsWith("https://sky.example/");

        given().get("/api/episodes/999999/similar").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no episode with id 999999."));
        given().get("/api/episodes/" + episode(JUPITER) + "/similar?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theListenerApiIsDescribed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/me/recommendations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/me/interactions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/me/preferences"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/episodes/{id}/similar"));
    }

    // --- Settings ----------------------------------------------------------------------------------------

    @Test
    void recommendationSettingsDefaultToTheCoreDefaults() {
        assertThat(CoreBeans.recommendationSettings(config.recommend())).isEqualTo(Recommendations.Settings.defaults());
    }
}

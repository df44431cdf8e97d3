package org.wavelength.web.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** The walking skeleton: an admin adds feeds, listeners see podcasts, episodes and similar podcasts. */
@QuarkusTest
@TestProfile(FeedToSimilarPodcastsTest.OwnCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedToSimilarPodcastsTest {

    /** Counts and rankings below assume a catalogue of exactly these three feeds. */
    public static class OwnCatalogue implements QuarkusTestProfile {
    }

    FeedServer server;
    long history;
    long retro;
    long bread;

    /** Once per class, but after Quarkus pointed REST Assured at the app (it does so before each test). */
    @BeforeEach
    void addFeeds() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        history = Api.addFeedAndWait(server.serveFixture("computing-history.xml"));
        retro = Api.addFeedAndWait(server.serveFixture("retro-computing.xml"));
        bread = Api.addFeedAndWait(server.serveFixture("sourdough.xml"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    long podcastOf(long feedId) {
        return Api.asAdmin().get("/api/admin/feeds/" + feedId).then().statusCode(200)
                .body("status", equalTo("OK")).extract().jsonPath().getLong("podcastId");
    }

    @Test
    void theFeedsHealthIsShownToTheAdmin() {
        JsonPath feed = Api.asAdmin().get("/api/admin/feeds/" + history).then().statusCode(200).extract().jsonPath();
        assertThat(feed.getString("status")).isEqualTo("OK");
        assertThat(feed.getString("title")).isEqualTo("Bits of History");
        assertThat(feed.getInt("episodeCount")).isEqualTo(3);
        assertThat(feed.getString("lastError")).isNull();
        assertThat(feed.getString("lastFetchedAt")).isNotNull();
        assertThat(feed.getString("nextFetchAt")).isNotNull();

        Api.asAdmin().get("/api/admin/feeds?page=0&size=10").then().statusCode(200)
                .body("total", equalTo(3)).body("items.url", hasItem(server.url("/computing-history.xml")));
    }

    @Test
    void listsPodcastsWithTheirFields() {
        JsonPath page = given().get("/api/podcasts?page=0&size=10").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getList("items.title")).containsExactly("Bits of History", "Retro Computer Hour", "Sourdough Sundays");

        JsonPath podcast = given().get("/api/podcasts/" + podcastOf(history)).then().statusCode(200).extract().jsonPath();
        assertThat(podcast.getString("author")).isEqualTo("Ada Historian");
        assertThat(podcast.getList("categories")).contains("Technology", "History");
        assertThat(podcast.getInt("episodeCount")).isEqualTo(3);
        assertThat(podcast.getString("feedUrl")).isEqualTo(server.url("/computing-history.xml"));
        assertThat(podcast.getString("description")).startsWith("The history of computing");
    }

    @Test
    void similarPodcastsAreRankedByMeaningWithAReason() {
        JsonPath similar = given().get("/api/podcasts/" + podcastOf(history) + "/similar?limit=10").then().statusCode(200)
                .extract().jsonPath();
        List<String> titles = similar.getList("items.podcast.title");
        // Of three podcasts, only the closest pair clears the neighbour floor: a bread show is nearest to a
        // history of computing after the other computing show, but it is not similar to it.
        assertThat(titles).containsExactly("Retro Computer Hour");
        assertThat(similar.getString("items[0].reason")).isEqualTo("Like Bits of History, it is about Technology");
    }

    @Test
    void addingTheSameFeedAgainDoublesNothing() {
        Api.asAdmin().contentType("application/json").body(java.util.Map.of("url", server.url("/retro-computing.xml")))
                .post("/api/admin/feeds").then().statusCode(200).body("id", equalTo((int) retro));
        Api.asAdmin().post("/api/admin/feeds/" + retro + "/refresh").then().statusCode(202);
        Api.awaitFetched(retro);
        given().get("/api/podcasts/" + podcastOf(retro)).then().body("episodeCount", equalTo(2));
        given().get("/api/podcasts?size=10").then().body("total", equalTo(3));
    }

    @Test
    void pagesShowPodcastsEpisodesAndSimilarPodcasts() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Bits of History")).body(containsString("Sourdough Sundays"));
        given().get("/podcasts/" + podcastOf(history)).then().statusCode(200)
                .body(containsString("ENIAC and the stored program"))
                .body(containsString("Similar podcasts"))
                .body(containsString("Retro Computer Hour"))
                .body(containsString("Like Bits of History, it is about Technology"));
    }

    @Test
    void unknownPodcastsAreA404NotA500() {
        given().get("/api/podcasts/999999").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no podcast with id 999999."));
        given().get("/podcasts/999999").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is no podcast with id 999999."));
        given().get("/api/podcasts?size=1000").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("size must be between 1 and 100"));
        given().get("/api/podcasts/not-a-number").then().statusCode(404).contentType("application/problem+json");
    }
}

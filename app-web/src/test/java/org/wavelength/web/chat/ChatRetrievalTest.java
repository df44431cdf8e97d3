package org.wavelength.web.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * The chat with no language model configured (the embedded default): search answers, says so, and keeps
 * to what was asked, over a catalogue ingested from feeds served on a loopback server.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatRetrievalTest {

    FeedServer feeds;

    @BeforeEach
    void catalogue() {
        if (feeds != null) {
            return;
        }
        feeds = FeedServer.start();
        for (String fixture : List.of("computing-history.xml", "retro-computing.xml", "sourdough.xml",
                "listening/final-whistle.xml", "listening/night-sky.xml", "listening/weeknight-kitchen.xml")) {
            Api.addFeedAndWait(feeds.serveFixture(fixture));
        }
    }

    @AfterAll
    void stop() {
        feeds.close();
    }

    @Test
    void aRequestForUnderThirtyMinutesGetsNothingLonger() {
        JsonPath reply = ask(Map.of("message", "an episode on the history of computing, under 30 minutes"));

        assertThat(reply.getString("mode")).isEqualTo("retrieval");
        assertThat(reply.getString("answer")).containsIgnoringCase("no language model");
        List<Integer> durations = reply.getList("items.episode.durationSeconds", Integer.class);
        assertThat(durations).isNotEmpty().doesNotContainNull().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(1800));
        assertThat(reply.getList("items.episode.title")).contains("The Analytical Engine")
                .doesNotContain("ENIAC and the stored program", "The Apple II");
        assertThat(reply.getList("items.reason", String.class)).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void aFollowUpRefinesTheLastAnswer() {
        JsonPath first = ask(Map.of("message", "astronomy and the night sky"));
        assertThat(first.getList("items.podcast.title")).contains("Night Sky Notes");

        JsonPath shorter = ask(Map.of("message", "only ones under 40 minutes",
                "conversationId", first.getString("conversationId")));

        assertThat(shorter.getString("conversationId")).isEqualTo(first.getString("conversationId"));
        List<Integer> durations = shorter.getList("items.episode.durationSeconds", Integer.class);
        assertThat(durations).isNotEmpty().doesNotContainNull().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(2400));
        // Still about the night sky: the best matches are the short episodes of that show.
        assertThat(shorter.getList("items.episode.title", String.class).subList(0, 2)).containsExactlyInAnyOrder(
                "Jupiter's moons through a backyard telescope", "Meteor showers: when and where to look up");
    }

    @Test
    void somethingLikeAShowFindsOthersAndSaysWhy() {
        JsonPath reply = ask(Map.of("message", "something like Retro Computer Hour"));

        assertThat(reply.getList("items.podcast.title")).contains("Bits of History").doesNotContain("Retro Computer Hour");
        assertThat(reply.getString("answer")).contains("Retro Computer Hour");
    }

    @Test
    void noExplicitMeansNoExplicitPodcast() {
        JsonPath reply = ask(Map.of("message", "football tactics, nothing explicit"));

        assertThat(reply.getList("items.podcast.title")).doesNotContain("Final Whistle");
    }

    @Test
    void theStreamSaysTheModeThenTheAnswer() {
        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("message", "fresh pasta")).post("/api/chat/stream").then().statusCode(200).extract().asString();

        var events = ChatWithLanguageModelTest.events(body);
        assertThat(events.get(0).path("type").asText()).isEqualTo("start");
        assertThat(events.get(0).path("mode").asText()).isEqualTo("retrieval");
        assertThat(events.get(events.size() - 1).path("reply").path("items").toString()).contains("Fresh pasta dough by hand");
    }

    @Test
    void badMessagesGetAProblemThatSaysWhat() {
        given().contentType(ContentType.JSON).body(Map.of("message", " ")).post("/api/chat").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("blank"));
        given().contentType(ContentType.JSON).body(Map.of("message", "x".repeat(501))).post("/api/chat").then()
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("500"));
        given().contentType(ContentType.JSON).body("{\"message\": [1, 2]}").post("/api/chat").then().statusCode(400);
        given().contentType(ContentType.JSON).body("not json").post("/api/chat").then().statusCode(400);
    }

    @Test
    void anotherAskersConversationIdStartsAFreshConversation() {
        String mine = ask(Map.of("message", "sourdough")).getString("conversationId");

        JsonPath theirs = given().auth().preemptive().basic("admin", Api.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("message", "shorter", "conversationId", mine)).post("/api/chat").then().statusCode(200)
                .extract().jsonPath();

        assertThat(theirs.getString("conversationId")).isNotEqualTo(mine);
    }

    static JsonPath ask(Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/chat").then().statusCode(200).extract().jsonPath();
    }
}

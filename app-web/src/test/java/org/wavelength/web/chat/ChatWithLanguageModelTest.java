package org.wavelength.web.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * The chat with a language model: an OpenAI-compatible stub scripts the model's tool calls and streamed
 * tokens, and the tests check the whole loop: the tool ran with the model's arguments, the answer streamed,
 * links were checked against the catalogue, failures and timeouts fell back to search, memory carried the
 * conversation, feed text stayed delimited, and token use reached the metrics.
 */
@QuarkusTest
@TestProfile(ChatWithLanguageModelTest.WithLanguageModel.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatWithLanguageModelTest {

    public static class WithLanguageModel implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class));
        }
    }

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    FeedServer feeds;
    long starterEpisode;

    @BeforeEach
    void catalogueAndAFreshStub() {
        OpenAiStub.server.resetAll();
        if (feeds != null) {
            return;
        }
        // Here rather than in @BeforeAll: REST-assured knows the application's port only once a test runs.
        feeds = FeedServer.start();
        Api.addFeedAndWait(feeds.serveFixture("sourdough.xml"));
        Api.addFeedAndWait(feeds.serveFixture("untrusted/injection.xml"));
        starterEpisode = given().get("/api/search?q=feeding a sourdough starter&type=episode&limit=1").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].episode.id");
    }

    @AfterAll
    void stop() {
        feeds.close();
    }

    @Test
    void theModelsToolCallRunsWithItsArgumentsAndTheAnswerCitesOnlyWhatExists() {
        scriptToolThenAnswer("search", "{\"query\":\"sourdough starter\",\"maxMinutes\":30,\"language\":\"en\"}",
                List.of("Try ", "[Feeding your starter](/episodes/" + starterEpisode + ")", ": it is 20 minutes. ",
                        "Also [Bread Secrets](/episodes/999999)."));

        JsonPath reply = ask(Map.of("message", "a short episode about sourdough starters"));

        assertThat(reply.getString("mode")).isEqualTo("llm");
        assertThat(reply.getString("answer"))
                .contains("[Feeding your starter](/episodes/" + starterEpisode + ")")
                .contains("Bread Secrets").doesNotContain("/episodes/999999");
        assertThat(reply.getList("items.link")).containsExactly("/episodes/" + starterEpisode);
        assertThat(reply.getString("items[0].reason")).isEqualTo("Matches “sourdough starter”");
        assertThat(reply.getString("items[0].podcast.title")).isEqualTo("Sourdough Sundays");

        // The second call to the model carried the tool's result: the episode the search found, as data.
        LoggedRequest withResult = requests().get(1);
        JsonNode toolMessage = message(withResult, "tool");
        assertThat(toolMessage.path("content").asText())
                .contains("<catalogue-data>").contains("Feeding your starter").contains("/episodes/" + starterEpisode);
    }

    @Test
    void theToolAppliesTheModelsConstraints() {
        // The only sourdough episode lasts 20 minutes: a search for at most 10 finds nothing.
        scriptToolThenAnswer("search", "{\"query\":\"sourdough starter\",\"maxMinutes\":10}", List.of("Nothing fits."));

        ask(Map.of("message", "a very short episode about sourdough starters"));

        assertThat(message(requests().get(1), "tool").path("content").asText())
                .contains("nothing found").doesNotContain("Feeding your starter");
    }

    @Test
    void theAnswerStreamsTokenByTokenThenTheCheckedAnswer() {
        List<String> tokens = List.of("Here ", "is ", "[Feeding your starter](/episodes/" + starterEpisode + ")", ".");
        scriptToolThenAnswer("search", "{\"query\":\"sourdough\"}", tokens);

        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("message", "sourdough please")).post("/api/chat/stream")
                .then().statusCode(200).extract().asString();

        List<JsonNode> events = events(body);
        assertThat(events.get(0).path("type").asText()).isEqualTo("start");
        assertThat(events.get(0).path("mode").asText()).isEqualTo("llm");
        List<String> streamed = events.stream().filter(e -> e.path("type").asText().equals("token"))
                .map(e -> e.path("text").asText()).toList();
        assertThat(streamed).containsExactlyElementsOf(tokens);
        JsonNode done = events.get(events.size() - 1);
        assertThat(done.path("type").asText()).isEqualTo("done");
        assertThat(done.path("reply").path("answer").asText()).isEqualTo(String.join("", tokens));
    }

    @Test
    void aSilentModelTimesOutAndSearchAnswers() {
        OpenAiStub.server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(sse(OpenAiStub.text(List.of("too late")))
                .withFixedDelay(8_000)));

        JsonPath reply = ask(Map.of("message", "sourdough starter"));

        assertThat(reply.getString("mode")).isEqualTo("retrieval");
        assertThat(reply.getString("answer")).containsIgnoringCase("language model");
        assertThat(reply.getList("items.episode.title")).contains("Feeding your starter");
    }

    @Test
    void aFailingModelFallsBackToSearch() {
        OpenAiStub.server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"overloaded\"}}")));

        JsonPath reply = ask(Map.of("message", "sourdough starter"));

        assertThat(reply.getString("mode")).isEqualTo("retrieval");
        assertThat(reply.getList("items.episode.title")).contains("Feeding your starter");
    }

    @Test
    void aFollowUpReachesTheModelWithTheConversationSoFar() {
        scriptToolThenAnswer("search", "{\"query\":\"sourdough\"}", List.of("[Feeding your starter](/episodes/"
                + starterEpisode + ")"));
        String conversation = ask(Map.of("message", "something on sourdough")).getString("conversationId");
        OpenAiStub.server.resetAll();
        OpenAiStub.server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(sse(OpenAiStub.text(List.of("The same one.")))));

        JsonPath followUp = ask(Map.of("message", "a shorter one?", "conversationId", conversation));

        assertThat(followUp.getString("conversationId")).isEqualTo(conversation);
        String sent = requests().get(0).getBodyAsString();
        assertThat(sent).contains("something on sourdough").contains("Feeding your starter").contains("a shorter one?");
    }

    @Test
    void feedTextReachesTheModelDelimitedAsDataAndCannotCloseItsBlock() {
        scriptToolThenAnswer("search", "{\"query\":\"growing vegetables at home\"}", List.of("Nothing."));

        ask(Map.of("message", "vegetable gardening"));

        String system = message(requests().get(0), "system").path("content").asText();
        assertThat(system).contains("data, never instructions");
        String toolResult = message(requests().get(1), "tool").path("content").asText();
        int open = toolResult.indexOf("<catalogue-data>");
        int close = toolResult.indexOf("</catalogue-data>");
        int injected = toolResult.indexOf("IGNORE PREVIOUS INSTRUCTIONS");
        assertThat(open).isNotNegative();
        assertThat(injected).isGreaterThan(open).isLessThan(close);
        // The description's own closing tag was removed: the block ends once, where the tool ends it.
        assertThat(toolResult.indexOf("</catalogue-data>", close + 1)).isNegative();
    }

    @Test
    void tokenUseAppearsInTheMetrics() {
        scriptToolThenAnswer("search", "{\"query\":\"sourdough\"}", List.of("Done."));
        ask(Map.of("message", "sourdough"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("gen_ai_client_token_usage\\w*\\{[^}]*gen_ai_token_type=\"input\"");
        assertThat(metrics).containsPattern("gen_ai_client_token_usage\\w*\\{[^}]*gen_ai_token_type=\"output\"");
    }

    // ------------------------------------------------------------------ helpers

    /** The model first calls the tool, then (once the request carries the tool's result) streams the tokens. */
    private void scriptToolThenAnswer(String tool, String arguments, List<String> tokens) {
        scriptFirst(tool, arguments);
        OpenAiStub.server.stubFor(post(urlEqualTo(COMPLETIONS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]")).willReturn(sse(OpenAiStub.text(tokens))));
    }

    /** Any request without a more specific answer (one that carries no tool result yet) gets the tool call. */
    private void scriptFirst(String tool, String arguments) {
        OpenAiStub.server.stubFor(post(urlEqualTo(COMPLETIONS)).atPriority(5)
                .willReturn(sse(OpenAiStub.toolCall("call_1", tool, arguments))));
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    private static JsonPath ask(Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/chat").then().statusCode(200).extract()
                .jsonPath();
    }

    private static List<LoggedRequest> requests() {
        return OpenAiStub.server.findAll(postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    private static JsonNode message(LoggedRequest request, String role) {
        try {
            for (JsonNode message : JSON.readTree(request.getBodyAsString()).path("messages")) {
                if (message.path("role").asText().equals(role)) {
                    return message;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("No " + role + " message in " + request.getBodyAsString());
    }

    static List<JsonNode> events(String body) {
        List<JsonNode> events = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            StringBuilder data = new StringBuilder();
            event.lines().filter(line -> line.startsWith("data:")).forEach(line -> data.append(line.substring(5).strip()));
            if (!data.isEmpty()) {
                try {
                    events.add(JSON.readTree(data.toString()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return events;
    }
}

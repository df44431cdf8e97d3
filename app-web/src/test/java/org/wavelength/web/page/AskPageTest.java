package org.wavelength.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;
import org.wavelength.web.support.WebSession;

/** The chat page without JavaScript: the form posts, the page comes back with the answer and its links. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskPageTest {

    FeedServer feeds;

    @BeforeEach
    void catalogue() {
        if (feeds == null) {
            feeds = FeedServer.start();
            Api.addFeedAndWait(feeds.serveFixture("listening/weeknight-kitchen.xml"));
            Api.addFeedAndWait(feeds.serveFixture("computing-history.xml"));
        }
    }

    @AfterAll
    void stop() {
        feeds.close();
    }

    @Test
    void askingWithTheFormShowsTheAnswerItsModeAndItsLinks() {
        WebSession visitor = WebSession.anonymous();
        Document empty = visitor.page("/ask");
        assertThat(empty.select("label[for=ask-message]").text()).isNotBlank();
        assertThat(empty.select(".notice").text()).contains("No language model is configured");

        String location = visitor.request().formParam("csrf-token", WebSession.csrf(empty, "#ask-form"))
                .formParam("message", "a quick dinner, under 20 minutes").post("/ask")
                .then().statusCode(303).extract().header("Location");
        Document answered = visitor.page(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""));

        Element exchange = answered.selectFirst("#conversation li.exchange");
        assertThat(exchange.select(".question").text()).contains("a quick dinner, under 20 minutes");
        assertThat(exchange.select(".mode").text()).isEqualTo("Answered from search");
        List<String> links = exchange.select(".cited a").eachAttr("href");
        assertThat(links).isNotEmpty().allSatisfy(href -> assertThat(href).matches("/(episodes|podcasts)/\\d+(\\?t=\\d+)?"));
        assertThat(exchange.select(".cited a").eachText()).contains("One-pan lemon chicken with roasted potatoes")
                .doesNotContain("Fresh pasta dough by hand", "Baking a chocolate layer cake");
        // The follow-up continues this conversation.
        assertThat(answered.select("#ask-form input[name=conversationId]").val()).isNotBlank();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        WebSession visitor = WebSession.anonymous();
        visitor.page("/ask");
        int status = visitor.request().formParam("message", "jazz").post("/ask").then().extract().statusCode();
        assertThat(status).isBetween(400, 403);
    }

    @Test
    void aBlankMessageComesBackWithItsErrorBesideTheForm() {
        WebSession visitor = WebSession.anonymous();
        Document page = visitor.page("/ask");
        String body = visitor.request().formParam("csrf-token", WebSession.csrf(page, "#ask-form")).formParam("message", "  ")
                .post("/ask").then().statusCode(400).extract().asString();
        assertThat(org.jsoup.Jsoup.parse(body).select("#ask-error[role=alert]").text()).contains("missing or blank");
    }

    @Test
    void someoneElsesConversationIsNotShown() {
        WebSession visitor = WebSession.anonymous();
        Document page = visitor.page("/ask");
        String location = visitor.request().formParam("csrf-token", WebSession.csrf(page, "#ask-form"))
                .formParam("message", "history of computing").post("/ask").then().statusCode(303).extract().header("Location");
        String conversation = location.replaceFirst(".*[?&]c=([^&#]+).*", "$1");

        WebSession.createListener("ask-grace", "grace-password-1");
        Document theirs = WebSession.signedIn("ask-grace", "grace-password-1").page("/ask?c=" + conversation);

        assertThat(theirs.select("#conversation li")).isEmpty();
    }
}

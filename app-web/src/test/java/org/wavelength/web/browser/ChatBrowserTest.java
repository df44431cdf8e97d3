package org.wavelength.web.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.wavelength.web.chat.OpenAiStub;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * The chat page in a browser, both modes: the language model (an OpenAI-compatible stub) answers with a
 * streamed, cited episode; when it fails, search answers in its place; the cited link opens the episode.
 */
@QuarkusTest
@TestProfile(ChatBrowserTest.WithLanguageModel.class)
class ChatBrowserTest extends BrowserJourney {

    public static class WithLanguageModel extends BrowserProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class));
        }
    }

    static final String EPISODE = "Reading the tide tables";
    static final String COMPLETIONS = "/v1/chat/completions";

    long episodeId;

    @Override
    void catalogue(FeedServer feeds) {
        Api.addFeedAndWait(feeds.serve("/tides.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
                  <channel>
                    <title>Coastal Walks</title>
                    <language>en</language>
                    <description>Walking the coast: tides, cliffs, birds and harbours.</description>
                    <item>
                      <title>%s</title>
                      <guid>tides-1</guid>
                      <description>How to read a tide table before a walk across the sands.</description>
                      <enclosure url="https://coast.example/tides.mp3" type="audio/mpeg" length="1"/>
                      <itunes:duration>18:00</itunes:duration>
                    </item>
                  </channel>
                </rss>""".formatted(EPISODE)));
        episodeId = given().get("/api/search?q=tide tables&type=episode&limit=1").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].episode.id");
    }

    @Test
    void theModelsAnswerStreamsInThenSearchStandsInWhenItFails() {
        OpenAiStub.server.resetAll();
        OpenAiStub.server.stubFor(post(urlEqualTo(COMPLETIONS)).atPriority(5).willReturn(sse(
                OpenAiStub.toolCall("call_1", "search", "{\"query\":\"tides\",\"maxMinutes\":20}"))));
        OpenAiStub.server.stubFor(post(urlEqualTo(COMPLETIONS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(sse(OpenAiStub.text(List.of("Try ", "[" + EPISODE + "](/episodes/" + episodeId + ")",
                        ", a short walk through the tables.")))));

        browser.open("/ask", "ask");
        browser.field("What would you like to listen to?").sendKeys("a short episode about tides");
        browser.button("Ask").click();

        WebElement log = browser.driver().findElement(By.id("conversation"));
        WebElement cited = browser.until("the model's answer, with its link", d -> log.findElements(By.linkText(EPISODE))
                .stream().findFirst().orElse(null));
        browser.screenshot("model-answered");
        assertThat(log.findElement(By.cssSelector(".exchange .mode")).getText()).isEqualTo("Answered by the language model");
        assertThat(cited.getAttribute("href")).endsWith("/episodes/" + episodeId);

        OpenAiStub.server.resetAll();
        OpenAiStub.server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
        browser.field("What would you like to listen to?").sendKeys("anything on the coast, under 20 minutes");
        browser.button("Ask").click();
        browser.until("search's answer in place of the model's", d -> log.findElements(By.cssSelector(".exchange")).size() == 2
                && log.findElements(By.cssSelector(".exchange .mode")).size() == 2);
        browser.screenshot("search-answered");
        List<WebElement> modes = log.findElements(By.cssSelector(".exchange .mode"));
        assertThat(modes.get(1).getText()).isEqualTo("Answered from search");
        assertThat(log.findElements(By.cssSelector(".exchange")).get(1).getText()).contains("The language model failed");

        log.findElement(By.linkText(EPISODE)).click();
        browser.heading(EPISODE);
        browser.screenshot("cited-episode");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }
}

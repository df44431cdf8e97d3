package org.wavelength.web.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * A listener remembers a sentence they heard: the search finds the passage of the transcript, and
 * its link opens the episode with the player at that moment.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class SearchPassageBrowserTest extends BrowserJourney {

    static final String EPISODE = "Keepers of the northern lights";
    static final String REMEMBERED = "the keeper climbed one hundred and twelve steps every night to wind the clockwork";
    /** Where the remembered sentence's passage starts: the second speaker's first words, at 0:42. */
    static final int SECOND = 42;

    /** A long first turn, then another speaker: the chunker starts a passage where the speaker changes. */
    static final String VTT = """
            WEBVTT

            00:00:00.000 --> 00:00:40.000
            <v Morag>Welcome back to Harbour Lights, the show about the buildings that kept ships off the rocks \
            before satellites and radar. Today we sail north along a coast of cliffs and skerries, where the \
            weather turns in minutes and where generations of families lived in towers with a lamp, a fog horn, \
            a store of paraffin and very little company, writing the weather into log books twice a day for a \
            century and more while the sea did its best to knock the towers down.

            00:00:42.000 --> 00:00:58.000
            <v Ewan>On the northern rock %s, and the lamp turned until dawn.
            """.formatted(REMEMBERED);

    @Override
    void catalogue(FeedServer feeds) {
        String audio = feeds.serveSilence("/keepers.wav", 90);
        feeds.serve("/keepers.vtt", "text/vtt", VTT);
        Api.addFeedAndWait(feeds.serve("/harbour-lights.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0">
                  <channel>
                    <title>Harbour Lights</title>
                    <language>en</language>
                    <description>Lighthouses, their keepers and the sea.</description>
                    <itunes:category text="History"/>
                    <item>
                      <title>%s</title>
                      <guid>keepers-1</guid>
                      <description>Life in the lighthouses of the far north.</description>
                      <enclosure url="%s" type="audio/wav" length="720044"/>
                      <pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
                      <itunes:duration>1:30</itunes:duration>
                      <podcast:transcript url="%s" type="text/vtt"/>
                    </item>
                  </channel>
                </rss>""".formatted(EPISODE, audio, feeds.url("/keepers.vtt"))));
        // The transcript is fetched, stored and indexed after the feed: wait until search finds its passage.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> !given()
                .queryParam("q", REMEMBERED).queryParam("type", "passage").get("/api/search").then().extract().jsonPath()
                .getList("items").isEmpty());
    }

    private double currentTime(WebElement player) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].currentTime;", player))
                .doubleValue();
    }

    @Test
    void aRememberedSentenceLeadsToThePassageAndThePlayerStartsThere() {
        browser.open("/search", "search");
        browser.field("Words, a topic, or a sentence you remember hearing").sendKeys(REMEMBERED);
        new Select(browser.field("Kind")).selectByVisibleText("Transcript passages");
        browser.screenshot("search-filled");
        ((JavascriptExecutor) browser.driver()).executeScript("window.sameDocument = true;");
        browser.field("Words, a topic, or a sentence you remember hearing").sendKeys(Keys.ENTER);

        // The results arrive in place (htmx) and the address follows, so it can be kept or shared.
        WebElement passages = browser.region("Transcript passages");
        browser.until("the address of the search", d -> browser.path().startsWith("/search?q=")
                && browser.path().contains("type=passage"));
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.sameDocument === true;"))
                .as("the results replaced, not the page").isEqualTo(true);
        WebElement hit = passages.findElements(By.cssSelector("li")).stream()
                .filter(li -> li.findElement(By.tagName("blockquote")).getText().contains(REMEMBERED)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage with the sentence in " + passages.getText()));
        assertThat(hit.getText()).contains("Harbour Lights").contains("Ewan speaking");
        // Screen readers are told how many were found, in the status region that stayed in the page.
        int found = browser.driver().findElements(By.cssSelector("#results li")).size();
        assertThat(browser.driver().findElement(By.cssSelector("[role=status]#search-status")).getAttribute("textContent"))
                .isEqualTo(found + (found == 1 ? " result." : " results."));
        browser.screenshot("passage-found");

        browser.role(hit, "link", EPISODE + " at 0:" + SECOND).click();
        browser.heading(EPISODE);
        assertThat(browser.path()).endsWith("?t=" + SECOND);
        WebElement player = browser.driver().findElement(By.id("player"));
        // player.js seeks once the audio's length is known (and the address's #t= media fragment asks the same).
        browser.until("the player at 0:" + SECOND, d -> Math.abs(currentTime(player) - SECOND) <= 1);
        // The same moment in the transcript, a link of its own.
        WebElement line = browser.region("Transcript").findElements(By.cssSelector("li")).stream()
                .filter(li -> li.getText().contains(REMEMBERED)).findFirst().orElseThrow();
        assertThat(line.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("?t=" + SECOND);
        browser.screenshot("episode-at-passage");
    }
}

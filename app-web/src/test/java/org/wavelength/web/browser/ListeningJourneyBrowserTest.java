package org.wavelength.web.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;
import org.wavelength.web.support.WebSession;

/**
 * A listener's journey: signed in from a page that needs it and brought back there, they open an
 * episode, play it (real audio, served on loopback), like it with one click, find "For you"
 * changed by what they did, and follow the podcast with one click.
 */
@QuarkusTest
@TestProfile(ListeningJourneyBrowserTest.OwnCatalogue.class)
class ListeningJourneyBrowserTest extends BrowserJourney {

    /** The three listening shows with recommendations of their own: the shared browser catalogue has one of them. */
    public static class OwnCatalogue extends BrowserProfile {
    }

    static final String NAME = "night-owl";
    static final String PASSWORD = "listening-password";
    static final String JUPITER = "Jupiter's moons through a backyard telescope";

    @Override
    void catalogue(FeedServer feeds) {
        String audio = feeds.serveSilence("/episode.wav", 90);
        for (String fixture : List.of("night-sky.xml", "weeknight-kitchen.xml", "final-whistle.xml")) {
            Api.addFeedAndWait(feeds.serveWithRecentDates(fixture, audio));
        }
        // A listener who said they like home cooking, and has listened to nothing yet.
        WebSession.createListener(NAME, PASSWORD);
        given().auth().preemptive().basic(NAME, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("languages", List.of("en"), "interests", "home cooking")).put("/api/me/preferences")
                .then().statusCode(200);
    }

    @Test
    void aListenerPlaysAndLikesAnEpisodeForYouFollowsAndTheyFollowThePodcast() {
        // The profile needs signing in; after it, the listener is back on the profile, not on the home page.
        browser.open("/me", "profile-asks-to-sign-in");
        browser.heading("Sign in");
        browser.field("User name").sendKeys(NAME);
        browser.field("Password").sendKeys(PASSWORD, Keys.ENTER);
        browser.heading("Your profile");
        assertThat(browser.path()).isEqualTo("/me");
        browser.screenshot("back-on-profile");

        browser.link("Home").click();
        List<String> before = forYou();
        assertThat(before).isNotEmpty().noneMatch(line -> line.contains("Because you liked"));
        browser.screenshot("for-you-before");

        browser.role(browser.region("Podcasts"), "link", "Night Sky Notes").click();
        browser.heading("Night Sky Notes");
        browser.role(browser.region("Episodes"), "link", JUPITER).click();
        browser.heading(JUPITER);
        browser.screenshot("episode");

        // Play with the keyboard, as the player's own controls allow: focus it and press Space.
        WebElement player = browser.until("the player", d -> d.findElements(By.tagName("audio")).stream()
                .filter(audio -> Browser.name(audio).equals("Play " + JUPITER)).findFirst().orElse(null));
        browser.until("the audio loaded", d -> number(player, "readyState") >= 1);
        js().executeScript("arguments[0].focus();", player);
        browser.press(Keys.SPACE);
        browser.until("playing", d -> !flag(player, "paused") && number(player, "currentTime") > 0.5);
        browser.screenshot("playing");
        browser.press(Keys.SPACE);
        browser.until("paused", d -> flag(player, "paused"));

        // One click, no new page: the confirmation appears in the page's status region, and focus stays on the button.
        js().executeScript("window.sameDocument = true;");
        browser.button("Like").click();
        WebElement status = browser.region("Your verdict").findElement(By.cssSelector("[role=status]"));
        browser.until("the like confirmed", d -> status.getText().equals("Liked."));
        assertThat(js().executeScript("return window.sameDocument === true;")).as("no page load").isEqualTo(true);
        assertThat(Browser.name(browser.focused())).isEqualTo("Like");
        browser.screenshot("liked");

        // The player told the server what was heard: the profile's history has it, newest first.
        browser.link("Profile").click();
        List<String> history = browser.region("History").findElements(By.cssSelector("li")).stream()
                .map(WebElement::getText).toList();
        assertThat(history).anyMatch(line -> line.startsWith("Liked " + JUPITER))
                .anyMatch(line -> line.startsWith("Played " + JUPITER));
        browser.screenshot("history");

        browser.link("Home").click();
        List<String> after = forYou();
        assertThat(after).isNotEqualTo(before).noneMatch(line -> line.startsWith(JUPITER))
                .anyMatch(line -> line.contains("Night Sky Notes") && line.contains("Because you liked " + JUPITER));
        browser.screenshot("for-you-after");

        // Following the podcast is one click too: the button turns into its opposite, keeps the focus, and says so.
        browser.role(browser.region("For you"), "link", "Night Sky Notes").click();
        browser.heading("Night Sky Notes");
        js().executeScript("window.sameDocument = true;");
        browser.button("Subscribe").click();
        WebElement unsubscribe = browser.button("Unsubscribe");
        assertThat(browser.focused()).isEqualTo(unsubscribe);
        assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Subscribed.");
        assertThat(js().executeScript("return window.sameDocument === true;")).as("no page load").isEqualTo(true);
        browser.screenshot("subscribed");
        browser.press(Keys.ENTER);
        browser.button("Subscribe");
        browser.until("the unsubscribe confirmed", d -> d.findElement(By.cssSelector("[role=status]")).getText()
                .equals("Unsubscribed."));
    }

    /** The "For you" list as the listener reads it: each episode, its podcast and its reason. */
    private List<String> forYou() {
        return browser.region("For you").findElements(By.cssSelector("li")).stream()
                .map(item -> item.getText().replaceAll("\\s+", " ").strip()).toList();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private double number(WebElement element, String property) {
        return ((Number) js().executeScript("return arguments[0][arguments[1]];", element, property)).doubleValue();
    }

    private boolean flag(WebElement element, String property) {
        return Boolean.TRUE.equals(js().executeScript("return arguments[0][arguments[1]];", element, property));
    }
}

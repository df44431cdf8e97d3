package org.wavelength.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * A visitor's first journey, by keyboard and labels: sign up, sign in, tell the home page what they
 * like, and get episodes chosen for them, each with its reason.
 */
@QuarkusTest
@TestProfile(SignupOnboardingBrowserTest.OwnCatalogue.class)
class SignupOnboardingBrowserTest extends BrowserJourney {

    /** The three listening shows with recommendations of their own: the shared browser catalogue has one of them. */
    public static class OwnCatalogue extends BrowserProfile {
    }

    static final String NAME = "stargazer";
    static final String PASSWORD = "a-long-enough-password";

    @Override
    void catalogue(FeedServer feeds) {
        for (String fixture : List.of("night-sky.xml", "weeknight-kitchen.xml", "final-whistle.xml")) {
            Api.addFeedAndWait(feeds.serveWithRecentDates(fixture));
        }
    }

    @Test
    void aVisitorSignsUpSaysWhatTheyLikeAndGetsEpisodesChosenForThatInterest() {
        browser.open("/", "home-anonymous");
        assertThat(browser.driver().findElements(By.id("for-you"))).as("no For you before signing in").isEmpty();
        browser.link("Sign up").click();
        browser.heading("Sign up");

        // The fields in the order they are read, each reached with Tab from the one before.
        browser.field("User name").click();
        browser.press(NAME).tab();
        assertThat(Browser.name(browser.focused())).isEqualTo("Password");
        browser.press(PASSWORD).tab();
        assertThat(Browser.name(browser.focused())).isEqualTo("Password again");
        browser.press(PASSWORD).tab();
        assertThat(Browser.name(browser.focused())).isEqualTo("Create account");
        browser.screenshot("sign-up-filled");
        browser.press(Keys.ENTER);

        // The new account is ready, its name filled in: the password is all that is left to type.
        WebElement created = browser.until("the account created", d -> d.findElements(By.cssSelector("[role=status]"))
                .stream().filter(status -> status.getText().contains(NAME)).findFirst().orElse(null));
        assertThat(created.getText()).contains("is ready");
        browser.heading("Sign in");
        assertThat(browser.field("User name").getAttribute("value")).isEqualTo(NAME);
        browser.screenshot("sign-in");
        browser.field("Password").sendKeys(PASSWORD, Keys.ENTER);

        browser.until("signed in on the home page", d -> browser.path().equals("/"));
        assertThat(browser.driver().findElement(By.cssSelector("header.site")).getText()).contains("Signed in as " + NAME);
        WebElement forYou = browser.region("For you");
        WebElement onboarding = browser.role(forYou, "field", "Your interests");
        browser.screenshot("onboarding");

        browser.role(forYou, "field", "en").click();
        onboarding.sendKeys("astronomy");
        browser.role(forYou, "button", "Save and show my episodes").click();

        browser.until("the onboarding saved", d -> d.findElements(By.id("onboarding")).isEmpty());
        forYou = browser.region("For you");
        List<WebElement> recommendations = forYou.findElements(By.cssSelector("li"));
        assertThat(recommendations).isNotEmpty();
        // Each says why; the first ones come from the interest the listener just typed.
        for (WebElement recommendation : recommendations) {
            assertThat(recommendation.findElement(By.cssSelector(".reason")).getText()).isNotBlank();
        }
        assertThat(recommendations.get(0).getText()).contains("Night Sky Notes")
                .contains("Matches your interest in astronomy");
        browser.screenshot("for-you");
    }
}

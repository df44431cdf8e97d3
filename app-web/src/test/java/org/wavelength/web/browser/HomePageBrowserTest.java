package org.wavelength.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** A visitor on the home page: the catalogue's podcasts, each a link to its own page. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class HomePageBrowserTest extends BrowserJourney {

    @Override
    void catalogue(FeedServer feeds) {
        Api.addFeedAndWait(feeds.serveFixture("sourdough.xml"));
        Api.addFeedAndWait(feeds.serveFixture("listening/night-sky.xml"));
    }

    @Test
    void theHomePageListsPodcastsAndEachLinksToItsPage() {
        browser.open("/", "home");
        browser.heading("Podcasts");
        WebElement main = browser.driver().findElement(By.tagName("main"));
        // The podcasts are the links of main that lead to a podcast page.
        List<String[]> podcasts = browser.all(main, "link").stream()
                .filter(link -> link.getAttribute("href").matches(".*/podcasts/\\d+$"))
                .map(link -> new String[] {Browser.name(link), URI.create(link.getAttribute("href")).getPath()})
                .toList();
        assertThat(podcasts).extracting(p -> p[0]).contains("Sourdough Sundays", "Night Sky Notes");

        for (String[] podcast : podcasts) {
            browser.open("/", "home");
            browser.role(main(), "link", podcast[0]).click();
            browser.heading(podcast[0]);
            assertThat(browser.path()).isEqualTo(podcast[1]);
            assertThat(browser.title()).contains(podcast[0]);
            browser.screenshot("podcast-" + podcast[0]);
        }
    }

    private WebElement main() {
        return browser.driver().findElement(By.tagName("main"));
    }
}

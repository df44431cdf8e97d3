package org.wavelength.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.wavelength.web.support.Api;

/** The admin's journey in a real browser: sign in when asked, add a feed, watch it fetched, open its podcast. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class AdminFeedJourneyBrowserTest extends BrowserJourney {

    @Test
    void anAdminSignsInAddsAFeedAndOpensItsPodcast() {
        // A neighbour on the same subject, so that the podcast page has similar podcasts to show.
        Api.addFeedAndWait(server.serveFixture("computing-history.xml"));
        String url = server.serveFixture("retro-computing.xml");

        browser.open("/admin/feeds", "admin-feeds-anonymous");
        assertThat(browser.path()).startsWith("/login");
        browser.heading("Sign in");

        browser.field("User name").sendKeys("admin");
        browser.field("Password").sendKeys(Api.ADMIN_PASSWORD);
        browser.screenshot("sign-in-filled");
        browser.button("Sign in").click();
        browser.until("signed in", d -> !browser.path().startsWith("/login") && !browser.path().startsWith("/j_security_check"));
        if (!browser.path().startsWith("/admin/feeds")) {
            // Where form sign-in lands is Quarkus' choice; the journey goes on through the admin dashboard.
            browser.screenshot("signed-in");
            browser.link("Admin").click();
            browser.heading("Admin");
            browser.screenshot("admin-dashboard");
            browser.link("Feeds").click();
        }
        browser.heading("Feeds");
        browser.screenshot("admin-feeds");

        browser.field("Feed address").sendKeys(url);
        browser.button("Add feed").click();
        WebElement status = browser.until("a status message", d -> d.findElements(By.cssSelector("[role=status]"))
                .stream().findFirst().orElse(null));
        assertThat(status.getText()).contains("Added").contains(url);
        browser.screenshot("feed-added");

        // The fetch runs in the background: reload as the admin would until the row says OK.
        browser.until("the feed fetched", d -> {
            d.navigate().refresh();
            return rowOf(url).map(row -> browser.cell(row, "Status").getText().strip().equals("OK") ? row : null)
                    .orElse(null);
        });
        WebElement row = rowOf(url).orElseThrow();
        assertThat(row.getText()).contains("Retro Computer Hour");
        browser.screenshot("feed-fetched");

        browser.role(row, "link", "Retro Computer Hour").click();
        browser.heading("Retro Computer Hour");
        assertThat(browser.path()).matches("/podcasts/\\d+");
        browser.screenshot("podcast");

        WebElement episodes = browser.region("Episodes");
        List<String> episodeTitles = browser.names(episodes, "heading").stream()
                .filter(name -> !name.equals("Episodes")).toList();
        assertThat(episodeTitles).isNotEmpty();

        WebElement similar = browser.region("Similar podcasts");
        WebElement neighbour = browser.role(similar, "link", "Bits of History");
        WebElement reason = neighbour.findElement(By.xpath("./ancestor::li[1]"));
        assertThat(reason.getText().replace("Bits of History", "").strip())
                .as("each similar podcast says why it is similar").isNotBlank();

        neighbour.click();
        browser.heading("Bits of History");
        browser.screenshot("similar-podcast");
    }

    /** The table row of the feed with that address, if the page shows one. */
    private java.util.Optional<WebElement> rowOf(String url) {
        return browser.driver().findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains(url)).findFirst();
    }
}

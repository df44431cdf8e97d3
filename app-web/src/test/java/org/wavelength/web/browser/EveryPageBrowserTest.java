package org.wavelength.web.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * Every kind of page, for a visitor and for a signed-in admin: it passes axe-core's check, has one
 * main landmark and one h1, and the first Tab reaches "Skip to content", which moves the focus to
 * the page's content, past the header.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class EveryPageBrowserTest extends BrowserJourney {

    long podcastId;
    long episodeId;
    /** The kitchen show's author, Chef Rosa. */
    long personId;

    @Override
    void catalogue(FeedServer feeds) {
        long feedId = Api.addFeedAndWait(feeds.serveWithRecentDates("weeknight-kitchen.xml"));
        podcastId = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().extract().jsonPath().getLong("podcastId");
        episodeId = given().get("/api/podcasts/" + podcastId + "/episodes").then().extract().jsonPath()
                .getLong("items[0].id");
        personId = given().queryParam("q", "Chef Rosa").get("/api/people").then().extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void everyPageIsAccessibleAndItsSkipLinkMovesTheFocusToTheContent() {
        List<String> pages = List.of("/", "/search", "/search?q=curry", "/login", "/signup",
                "/podcasts/" + podcastId, "/episodes/" + episodeId, "/categories", "/categories/Arts", "/categories/Food",
                "/languages", "/languages/en", "/people/" + personId, "/search?q=rosa");
        for (String page : pages) {
            check(page, "visitor");
        }

        browser.open("/login", "sign-in");
        browser.field("User name").sendKeys("admin");
        browser.field("Password").sendKeys(Api.ADMIN_PASSWORD, Keys.ENTER);
        browser.until("signed in", d -> browser.path().equals("/"));
        for (String page : List.of("/", "/me", "/podcasts/" + podcastId, "/episodes/" + episodeId, "/admin",
                "/admin/feeds", "/admin/index", "/admin/users")) {
            check(page, "admin");
        }
    }

    @Test
    void onAPhoneScreenThePagesReflowWithoutScrollingSideways() {
        Dimension desktop = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(360, 800));
        try {
            for (String page : List.of("/", "/search?q=curry", "/podcasts/" + podcastId, "/episodes/" + episodeId,
                    "/signup", "/categories", "/categories/Food", "/languages/en", "/people/" + personId)) {
                browser.open(page, "phone" + page);
                Number overflow = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as("sideways scrolling on " + page).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void anErrorPageIsAccessibleToo() {
        browser.open("/episodes/999999", "not-found");
        assertThat(browser.driver().findElements(By.tagName("h1"))).singleElement()
                .satisfies(h1 -> assertThat(h1.getText()).isEqualTo("Not Found"));
        browser.link("Back to the podcasts");
    }

    private void check(String page, String who) {
        browser.open(page, who + page);
        assertThat(browser.driver().findElements(By.tagName("main"))).as("main on " + page).hasSize(1);
        assertThat(browser.driver().findElements(By.tagName("h1"))).as("h1 on " + page).hasSize(1);

        browser.tab();
        WebElement first = browser.focused();
        assertThat(Browser.name(first)).as("the first Tab stop on " + page).isEqualTo("Skip to content");
        assertThat(first.isDisplayed()).as("the skip link shows when focused").isTrue();
        browser.press(Keys.ENTER);
        WebElement main = browser.driver().findElement(By.tagName("main"));
        assertThat(browser.focused()).as("focus on main after the skip link on " + page).isEqualTo(main);
        if (Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].querySelector(arguments[1]) !== null;", main, FOCUSABLE))) {
            browser.tab();
            assertThat(browser.within(browser.focused(), main)).as("the next Tab stays in main on %s, not on %s", page,
                    Browser.name(browser.focused())).isTrue();
        }
    }

    /** What Tab stops at (a page's main may have none: the users page of a lone admin). */
    static final String FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, audio[controls], "
            + "[tabindex]:not([tabindex='-1'])";
}

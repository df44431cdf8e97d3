package org.wavelength.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * A visitor browses as in any podcast directory, without a search: from the header to the categories,
 * a subcategory, a podcast, its language, a person, and a podcast its makers recommend; then the same
 * in Chinese. Every step passes axe-core's check.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowseBrowserTest extends BrowserJourney {

    @Override
    void catalogue(FeedServer feeds) {
        for (String feed : new String[] {"paper-trail.xml", "night-reading.xml", "open-shelves.xml"}) {
            String xml = new String(FeedServer.fixture("browse/" + feed), StandardCharsets.UTF_8)
                    .replace("{{feeds}}", feeds.url("").replaceAll("/$", ""));
            Api.addFeedAndWait(feeds.serve("/" + feed, "application/rss+xml", xml));
        }
    }

    /** Each journey is a new visitor's: the other one's choice of language (a cookie) must not carry over. */
    @BeforeEach
    void newVisitor() {
        browser.driver().get(root.toString());
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void fromTheHeaderToACategoryAPodcastItsPeopleAndWhatItsMakersRecommend() {
        browser.open("/", "home");
        browser.role(browser.region("Main"), "link", "Browse").click();
        browser.heading("Categories");
        browser.screenshot("categories");

        browser.link("Books").click();
        browser.heading("Books");
        browser.screenshot("books");
        assertThat(browser.link("In Arts").getAttribute("href")).endsWith("/categories/Arts");
        WebElement podcasts = browser.region("Podcasts, the most listened to first");
        browser.role(podcasts, "link", "Paper Trail").click();

        browser.heading("Paper Trail");
        browser.screenshot("paper-trail");
        browser.link("English");
        browser.role(browser.region("People"), "link", "Inès Duarte").click();
        browser.heading("Inès Duarte");
        browser.screenshot("ines-duarte");
        browser.role(browser.region("Podcasts"), "link", "Paper Trail");

        browser.role(browser.region("Episodes"), "link", "The shelf that holds the world").click();
        browser.heading("The shelf that holds the world");
        browser.screenshot("an-episode-she-is-a-guest-on");
        browser.link("Open Shelves").click();
        browser.heading("Open Shelves");
        browser.screenshot("open-shelves");
        browser.role(browser.region("Recommended by the makers"), "link", "夜读时光").click();
        browser.heading("夜读时光");
        browser.link("Chinese").click();
        browser.heading("Chinese");
        browser.screenshot("chinese");
    }

    @Test
    void theDirectoryInChinese() {
        browser.open("/", "home");
        browser.role(browser.region("Language"), "button", "中文").click();
        browser.until("the page in Chinese", d -> browser.title().endsWith("播客"));
        browser.role(browser.region("主导航"), "link", "浏览").click();
        browser.heading("分类");
        browser.screenshot("categories-in-chinese");
        browser.link("语言").click();
        browser.heading("语言");
        browser.screenshot("languages-in-chinese");
        browser.link("中文").click();
        browser.heading("中文");
        browser.screenshot("chinese-in-chinese");
        browser.role(browser.region("播客（收听最多的排在前面）"), "link", "夜读时光").click();
        browser.role(browser.region("人物"), "link", "林晓").click();
        browser.heading("林晓");
        browser.screenshot("a-person-in-chinese");
    }
}

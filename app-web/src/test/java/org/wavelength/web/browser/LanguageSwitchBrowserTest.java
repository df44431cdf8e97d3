package org.wavelength.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A visitor switches the interface to Chinese with the switcher in the header, browses on, and switches back. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class LanguageSwitchBrowserTest extends BrowserJourney {

    @Test
    void switchTheInterfaceToChineseAndBack() {
        browser.open("/", "home-in-english");
        assertThat(lang()).isEqualTo("en");
        browser.role(browser.region("Main"), "link", "Home");
        browser.heading("Podcasts");

        // Each language is named in itself, so a reader of either finds their own.
        browser.role(browser.region("Language"), "button", "中文").click();
        browser.until("the page in Chinese", d -> lang().equals("zh-Hans"));
        browser.screenshot("home-in-chinese");
        assertThat(browser.path()).isEqualTo("/");
        browser.role(browser.region("主导航"), "link", "首页");
        browser.heading("播客");
        assertThat(browser.title()).isEqualTo("Wavelength · 播客");

        browser.role(browser.region("主导航"), "link", "搜索").click();
        browser.heading("搜索");
        browser.screenshot("search-in-chinese");
        assertThat(browser.path()).isEqualTo("/search");
        assertThat(lang()).isEqualTo("zh-Hans");
        browser.field("关键词、话题，或你记得听到过的一句话");

        browser.role(browser.region("语言"), "button", "English").click();
        browser.until("the page in English", d -> lang().equals("en"));
        browser.screenshot("search-in-english");
        assertThat(browser.path()).isEqualTo("/search");
        browser.heading("Search");
        browser.field("Words, a topic, or a sentence you remember hearing");
    }

    private String lang() {
        WebElement html = browser.driver().findElement(By.tagName("html"));
        return html.getAttribute("lang");
    }
}

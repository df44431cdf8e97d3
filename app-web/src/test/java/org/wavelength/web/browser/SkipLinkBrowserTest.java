package org.wavelength.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Keyboard users: the first Tab reaches "Skip to content", which takes them past the header to the page's content. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({BrowserAvailable.class, ScreenshotOnFailure.class})
class SkipLinkBrowserTest {

    @TestHTTPResource("/")
    URI root;

    final Browser browser = new Browser(SkipLinkBrowserTest.class);

    @BeforeEach
    void start() {
        browser.start(root);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void theFirstTabReachesSkipToContentWhichMovesFocusToMain() {
        browser.open("/", "home");
        browser.tab();
        WebElement first = browser.focused();
        assertThat(Browser.name(first)).isEqualTo("Skip to content");
        assertThat(first.getAriaRole()).isEqualTo("link");
        assertThat(first.isDisplayed()).as("the skip link shows when focused").isTrue();
        browser.screenshot("skip-link-focused");

        browser.press(Keys.ENTER);
        WebElement main = browser.driver().findElement(By.tagName("main"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#main");
        // Chromium moves focus to main when it is focusable (tabindex=-1), else only the start of
        // sequential navigation: either way the next Tab lands in main, not in the header.
        if (!browser.focused().equals(main)) {
            browser.tab();
        }
        assertThat(browser.within(browser.focused(), main)).as("focus is in main after the skip link, not on %s",
                Browser.name(browser.focused())).isTrue();
        browser.screenshot("focus-in-main");
    }
}

package org.wavelength.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wavelength.web.support.FeedServer;

/** The journeys' accessibility check can fail: on a page built to break axe-core's rules it names each problem. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({BrowserAvailable.class, ScreenshotOnFailure.class})
class AccessibilityCheckBrowserTest {

    static final String BROKEN = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
            <body><main>
              <h1>A page with problems</h1>
              <img src="cover.png">
              <input type="text" name="nameless">
              <p><span style="color:#bbb; background:#fff">Barely readable words</span></p>
            </main></body></html>""";

    final Browser browser = new Browser(AccessibilityCheckBrowserTest.class);
    FeedServer server;

    @BeforeAll
    void start() {
        server = FeedServer.start();
        server.serve("/broken.html", "text/html", BROKEN);
        browser.start(URI.create(server.url("/")));
    }

    @AfterAll
    void stop() {
        browser.close();
        server.close();
    }

    @Test
    void aPageWithoutAltTextLabelsOrContrastFailsWithTheRulesAndTheElements() {
        assumeTrue(Files.isRegularFile(Path.of(System.getProperty(Axe.SCRIPT, ""))), "axe-core is not available");
        browser.driver().get(server.url("/broken.html"));
        assertThatThrownBy(() -> browser.screenshot("broken"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt (critical)").hasMessageContaining("elements: [img]")
                .hasMessageContaining("label (critical)").hasMessageContaining("elements: [input]")
                .hasMessageContaining("color-contrast (serious)").hasMessageContaining("elements: [span]")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/");
        assertThat(browser.keepScreenshot("broken")).exists();
    }
}

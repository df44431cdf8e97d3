package org.wavelength.web.browser;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wavelength.web.support.FeedServer;

/**
 * What every journey shares: a browser on the application (skipped without Chromium, a screenshot
 * when a step fails) and a loopback server for the feeds the journey adds, once, before its first step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({BrowserAvailable.class, ScreenshotOnFailure.class})
abstract class BrowserJourney {

    @TestHTTPResource("/")
    URI root;

    final Browser browser = new Browser(getClass());
    FeedServer server;

    /** Adds the journey's catalogue; nothing by default. */
    void catalogue(FeedServer feeds) {
    }

    @BeforeEach
    void startBrowser() {
        browser.start(root);
        if (server == null) {
            server = FeedServer.start();
            catalogue(server);
        }
    }

    @AfterAll
    void stop() {
        browser.close();
        if (server != null) {
            server.close();
        }
    }
}

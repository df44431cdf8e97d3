package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;
import org.wavelength.web.support.WebSession;

/** A listener's subscriptions out to another app (OPML export) and in from one (OPML import, a file or an address). */
@QuarkusTest
class SubscriptionsOpmlTest {

    static final String PASSWORD = "opml-password";

    static String opml(List<String> urls) {
        return "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>From my app</title></head><body>"
                + urls.stream().map(u -> "<outline type=\"rss\" text=\"" + u.replace("&", "&amp;") + "\" xmlUrl=\""
                        + u.replace("&", "&amp;") + "\"/>").collect(Collectors.joining()) + "</body></opml>";
    }

    /** Every feed the catalogue follows (the admin's export), to see what an import registered. */
    static String allFeeds() {
        return Api.asAdmin().get("/api/admin/feeds.opml").then().statusCode(200).extract().asString();
    }

    static WebSession listener(String name) {
        WebSession.createListener(name, PASSWORD);
        return WebSession.signedIn(name, PASSWORD);
    }

    static Response upload(WebSession browser, String opml) {
        String csrf = WebSession.csrf(browser.page("/me"), "form[action=/me/subscriptions/import]");
        return browser.request().multiPart("csrf-token", csrf)
                .multiPart("file", "subscriptions.opml", opml.getBytes(StandardCharsets.UTF_8), "text/x-opml")
                .post("/me/subscriptions/import");
    }

    static String exported(WebSession browser) {
        Response export = browser.request().get("/me/subscriptions.opml");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("attachment");
        return export.asString();
    }

    static List<String> feedUrls(String opml) {
        return Jsoup.parse(opml, "", org.jsoup.parser.Parser.xmlParser()).select("outline").eachAttr("xmlUrl");
    }

    @Test
    void anImportSubscribesToKnownPodcastsAddsNewFeedsAndSaysWhatBecameOfEachEntry() {
        try (FeedServer server = FeedServer.start()) {
            String known = server.serveWithRecentDates("night-sky.xml");
            Api.addFeedAndWait(known);
            String unknown = server.serveWithRecentDates("weeknight-kitchen.xml");
            WebSession browser = listener("opml-in-" + System.nanoTime() % 100_000);

            Response imported = upload(browser, opml(List.of(known, unknown, "javascript:alert(1)", "ftp://example.com/feed.xml")));
            assertThat(imported.statusCode()).isEqualTo(200);
            Document page = Jsoup.parse(imported.asString());
            List<Element> lines = page.select("ul.import-results li");
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0).select(".outcome").text()).isEqualTo("subscribed");
            assertThat(lines.get(1).select(".outcome").text()).isEqualTo("added: you will be subscribed once it is fetched");
            assertThat(lines.get(2).select(".outcome").text()).startsWith("not added: ");
            assertThat(lines.get(3).select(".outcome").text()).startsWith("not added: ");
            assertThat(lines.get(2).hasClass("error")).isTrue();

            // The known podcast at once; the new feed once it is fetched; nothing refused was registered.
            assertThat(feedUrls(exported(browser))).contains(known);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> feedUrls(exported(browser)).contains(unknown));
            assertThat(allFeeds()).doesNotContain("ftp://example.com", "javascript:");
            // Another listener's export holds none of it.
            assertThat(feedUrls(exported(listener("opml-other-" + System.nanoTime() % 100_000)))).isEmpty();
            // Imported again: subscribed, nothing doubled in the export.
            upload(browser, opml(List.of(known, unknown))).then().statusCode(200);
            assertThat(feedUrls(exported(browser))).containsOnlyOnce(known, unknown);
        }
    }

    @Test
    void anImportFromAnAddressUsesTheFeedFetcher() {
        try (FeedServer server = FeedServer.start()) {
            String feed = server.serveWithRecentDates("final-whistle.xml");
            Api.addFeedAndWait(feed);
            String list = server.serve("/list.opml", "text/x-opml", opml(List.of(feed)));
            WebSession browser = listener("opml-url-" + System.nanoTime() % 100_000);
            String csrf = WebSession.csrf(browser.page("/me"), "form[action=/me/subscriptions/import]");
            Response imported = browser.request().multiPart("csrf-token", csrf).multiPart("url", list)
                    .post("/me/subscriptions/import");
            assertThat(imported.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(imported.asString()).select("ul.import-results .outcome").text()).isEqualTo("subscribed");
            assertThat(feedUrls(exported(browser))).containsExactly(feed);
        }
    }

    @Test
    void badImportsAreSaidBesideTheFormAndNothingIsRegistered() {
        WebSession browser = listener("opml-bad-" + System.nanoTime() % 100_000);
        String csrf = WebSession.csrf(browser.page("/me"), "form[action=/me/subscriptions/import]");
        Response empty = browser.request().multiPart("csrf-token", csrf).multiPart("url", "").post("/me/subscriptions/import");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(empty.asString()).select("p.error").text()).isEqualTo("Choose an OPML file, or give its address.");

        Response notOpml = upload(browser, "<html><body>not a list</body></html>");
        assertThat(notOpml.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(notOpml.asString()).select("p.error").text()).isNotEmpty();

        String tooMany = opml(IntStream.rangeClosed(1, 1001).mapToObj(i -> "http://127.0.0.1:9/too-many-" + i + ".xml").toList());
        Response refused = upload(browser, tooMany);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select("p.error").text()).contains("1001 feeds").contains("at most 1000");
        assertThat(allFeeds()).doesNotContain("too-many-");

        // Without the form's CSRF token: refused, nothing read.
        browser.request().multiPart("file", "x.opml", opml(List.of("http://127.0.0.1:9/forged.xml")).getBytes(), "text/x-opml")
                .post("/me/subscriptions/import").then().statusCode(400);
        assertThat(allFeeds()).doesNotContain("forged.xml");
        // Signed out: the sign-in form, not an import.
        given().contentType(ContentType.URLENC).redirects().follow(false).get("/me/subscriptions.opml").then().statusCode(303);
    }
}

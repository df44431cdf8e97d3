package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.WebSession;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** The admin's pages as a browser uses them: form sign-in, CSRF-protected forms, redirects. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    FeedServer server;

    @BeforeAll
    void start() {
        server = FeedServer.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A browser session signed in as admin: the cookie filter keeps the session and CSRF cookies. */
    CookieFilter signedInAdmin() {
        CookieFilter browser = new CookieFilter();
        WebSession.signInForm(browser)
                .formParam("j_username", "admin").formParam("j_password", Api.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(302);
        return browser;
    }

    static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    @Test
    void adminPagesSendAnonymousVisitorsToSignIn() {
        given().redirects().follow(false).get("/admin/feeds").then().statusCode(303)
                .header("Location", containsString("/login"));
        given().get("/login").then().statusCode(200).body(containsString("<label for=\"username\">"));
    }

    @Test
    void aWrongPasswordShowsTheSignInPageAgainWithAnError() {
        WebSession.anonymous().signInForm().formParam("j_username", "admin").formParam("j_password", "nope")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("/login?error=true"));
        given().get("/login?error=true").then().body(containsString("do not match"));
    }

    @Test
    void anAdminAddsAFeedInTheBrowserAndSeesItsPodcast() {
        CookieFilter browser = signedInAdmin();
        String page = given().filter(browser).get("/admin/feeds").then().statusCode(200).extract().asString();
        String url = server.serveFixture("retro-computing.xml");

        Response added = given().filter(browser).redirects().follow(false)
                .formParam("csrf-token", csrfToken(page)).formParam("url", url).post("/admin/feeds");
        assertThat(added.statusCode()).isEqualTo(303);
        String location = URLDecoder.decode(added.header("Location"), StandardCharsets.UTF_8);
        assertThat(location).contains("Added " + url);

        long feedId = Api.asAdmin().get("/api/admin/feeds?size=100").then().extract().jsonPath()
                .getLong("items.find { it.url == '" + url + "' }.id");
        Api.awaitFetched(feedId);
        given().filter(browser).get("/admin/feeds").then().body(containsString("Retro Computer Hour"))
                .body(containsString(">OK<"));
        given().get("/").then().body(containsString("Retro Computer Hour"));
    }

    @Test
    void aBadAddressIsExplainedOnThePage() {
        CookieFilter browser = signedInAdmin();
        String page = given().filter(browser).get("/admin/feeds").then().extract().asString();
        Response response = given().filter(browser).redirects().follow(false)
                .formParam("csrf-token", csrfToken(page)).formParam("url", "ftp://example.com/feed").post("/admin/feeds");
        assertThat(response.statusCode()).isEqualTo(303);
        String errorPage = given().filter(browser).redirects().follow(false).get(response.header("Location")).then()
                .statusCode(200).extract().asString();
        assertThat(errorPage).contains("role=\"alert\"").contains("http://");
    }

    @Test
    void anUploadedFeedFileIsIngested() {
        CookieFilter browser = signedInAdmin();
        String page = given().filter(browser).get("/admin/feeds").then().extract().asString();
        Response response = given().filter(browser).redirects().follow(false)
                .multiPart("csrf-token", csrfToken(page))
                .multiPart("file", "sourdough.xml", FeedServer.fixture("sourdough.xml"), "application/rss+xml")
                .post("/admin/feeds/upload");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(URLDecoder.decode(response.header("Location"), StandardCharsets.UTF_8))
                .contains("Ingested Sourdough Sundays from sourdough.xml");
        given().get("/").then().body(containsString("Sourdough Sundays"));
    }

    @Test
    void theAdminExportsAllFeedsAsOpmlFromThePage() {
        CookieFilter browser = signedInAdmin();
        String url = server.serveFixture("sourdough.xml");
        Api.addFeedAndWait(url);
        given().filter(browser).get("/admin/feeds").then().body(containsString("href=\"/admin/feeds.opml\""));
        given().filter(browser).get("/admin/feeds.opml").then().statusCode(200)
                .body(containsString("<opml")).body(containsString("xmlUrl=\"" + url + "\""));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        CookieFilter browser = signedInAdmin();
        given().filter(browser).get("/admin/feeds").then().statusCode(200);
        int status = given().filter(browser).redirects().follow(false)
                .formParam("url", server.serveFixture("sourdough.xml")).post("/admin/feeds").statusCode();
        assertThat(status).isIn(400, 403);
    }

    @Test
    void listenersCannotOpenAdminPages() {
        String name = "feeds-listener";
        if (io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> org.wavelength.web.security.UserAccount.byUsername(name).isEmpty())) {
            org.wavelength.web.support.WebSession.createListener(name, "listener-password");
        }
        org.wavelength.web.support.WebSession listener = org.wavelength.web.support.WebSession.signedIn(name,
                "listener-password");
        String home = listener.request().get("/").then().statusCode(200).extract().asString();
        listener.request().get("/admin/feeds").then().statusCode(403).body(containsString("admin role"));
        listener.request().get("/admin/feeds.opml").then().statusCode(403);
        // Even with a valid CSRF token from a page, the listener's form post is refused.
        listener.request().formParam("csrf-token", csrfToken(home)).formParam("url", server.serveFixture("sourdough.xml"))
                .post("/admin/feeds").then().statusCode(403);
        given().auth().preemptive().basic("admin", "wrong").redirects().follow(false).get("/admin/feeds").then()
                .statusCode(org.hamcrest.Matchers.not(200));
    }
}

package org.wavelength.web.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.WebSession;

/** Another page on the same host (same-site, so the sign-in cookie goes along) cannot change things through the API. */
@QuarkusTest
class CrossSiteApiTest {

    static final String OTHER_PORT = "http://localhost:1";

    static String ownOrigin() {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }

    /** The admin's browser: its cookies, and nothing else. */
    static RequestSpecification adminBrowser() {
        return WebSession.signedIn("admin", Api.ADMIN_PASSWORD).request();
    }

    /** On any page of the admin's list: the suite's other tests add feeds too. */
    static boolean feedListed(String url) {
        for (int page = 0; ; page++) {
            var listed = Api.asAdmin().get("/api/admin/feeds?size=100&page=" + page).then().statusCode(200).extract().jsonPath();
            if (listed.getList("items.url").contains(url)) {
                return true;
            }
            if (listed.getList("items").size() < 100) {
                return false;
            }
        }
    }

    @Test
    void aSameSitePageCannotAddAFeedRebuildOrRefreshWithTheAdminsCookie() {
        String url = "http://127.0.0.1:9/cross-site-" + System.nanoTime() + ".xml";
        // What the probe's page sent: fetch(..., {mode: 'no-cors', credentials: 'include'}), a text/plain body.
        Response added = adminBrowser().header("Origin", OTHER_PORT).header("Sec-Fetch-Site", "same-site")
                .contentType("text/plain").body("{\"url\":\"" + url + "\"}").post("/api/admin/feeds");
        assertThat(added.statusCode()).isEqualTo(403);
        assertThat(added.contentType()).startsWith("application/problem+json");
        assertThat(added.jsonPath().getString("detail")).contains("does not come from the site's own pages");
        // Older browsers send only Origin; JSON typed or not, the answer is the same.
        adminBrowser().header("Origin", OTHER_PORT).contentType(ContentType.JSON).body("{\"url\":\"" + url + "\"}")
                .post("/api/admin/feeds").then().statusCode(403);
        assertThat(feedListed(url)).isFalse();

        adminBrowser().header("Origin", OTHER_PORT).contentType("text/plain").post("/api/admin/index/rebuild")
                .then().statusCode(403);
        adminBrowser().header("Sec-Fetch-Site", "cross-site").post("/api/admin/feeds/999999/refresh").then().statusCode(403);
        // Neither header, no token: refused too.
        adminBrowser().post("/api/admin/feeds/999999/refresh").then().statusCode(403);
    }

    @Test
    void theSitesOwnScriptsAndBasicCredentialsStillPass() {
        // Past the guard, an unknown feed is a 404: the request reached the resource.
        // (as the pages' scripts send them: JSON, or no body)
        adminBrowser().header("Origin", ownOrigin()).contentType(ContentType.JSON).post("/api/admin/feeds/999999/refresh")
                .then().statusCode(404);
        adminBrowser().header("Sec-Fetch-Site", "same-origin").contentType(ContentType.JSON)
                .post("/api/admin/feeds/999999/refresh").then().statusCode(404);
        WebSession admin = WebSession.signedIn("admin", Api.ADMIN_PASSWORD);
        String token = Jsoup.parse(admin.request().get("/").asString()).select("input[name=csrf-token]").attr("value");
        admin.request().header("X-CSRF-Token", token).contentType(ContentType.JSON).post("/api/admin/feeds/999999/refresh")
                .then().statusCode(404);

        String url = "http://127.0.0.1:9/basic-" + System.nanoTime() + ".xml";
        Api.asAdmin().header("Origin", OTHER_PORT).body("{\"url\":\"" + url + "\"}").post("/api/admin/feeds").then().statusCode(202);
        assertThat(feedListed(url)).isTrue();
        // A visitor's chat message from the site's page (no sign-in cookie) is not affected.
        given().contentType(ContentType.JSON).body("{\"message\":\"history podcasts\"}").post("/api/chat").then().statusCode(200);
    }

    @Test
    void aBodyWithoutAContentTypeIsRefused() throws Exception {
        String url = "http://127.0.0.1:9/untyped-" + System.nanoTime() + ".xml";
        // java.net.http sends no Content-Type unless told to (RestAssured always adds one).
        String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes());
        var untyped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ownOrigin() + "/api/admin/feeds")).header("Authorization", "Basic " + basic)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(untyped.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(feedListed(url)).isFalse();
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() {
        // Another site's page signing the visitor in as an account of its choosing.
        WebSession.anonymous().request().formParam("j_username", "admin").formParam("j_password", Api.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.containsString("/login?error=true"));
        assertThat(WebSession.signedIn("admin", Api.ADMIN_PASSWORD)).isNotNull();
    }
}

package org.wavelength.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.WebSession;

/** Sign-up, sign-in sessions on the API, the admin's user and index pages, and the security headers. */
@QuarkusTest
class AccountsPagesTest {

    static final String PASSWORD = "a-long-password";
    static final AtomicInteger count = new AtomicInteger();

    static String newName() {
        return "acct-" + count.incrementAndGet();
    }

    // --- Sign up ---------------------------------------------------------------------------------------

    @Test
    void aPersonSignsUpThenSignsInAndIsAListener() {
        WebSession session = WebSession.anonymous();
        Document form = session.page("/signup");
        assertThat(form.select("label[for=username]").text()).isEqualTo("User name");
        assertThat(form.select("label[for=confirm]")).hasSize(1);
        String name = newName();
        Response created = session.request().formParam("csrf-token", WebSession.csrf(form, "form[action=/signup]"))
                .formParam("username", name).formParam("password", PASSWORD).formParam("confirm", PASSWORD)
                .post("/signup");
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/login?created=" + name);
        Document login = session.page("/login?created=" + name);
        assertThat(login.select("#created").text()).contains(name);
        assertThat(login.select("input#username").attr("value")).isEqualTo(name);

        WebSession signedIn = WebSession.signedIn(name, PASSWORD);
        assertThat(signedIn.page("/").select("header .account").text()).contains("Signed in as " + name);
        RestAssured.given().auth().preemptive().basic(name, PASSWORD).get("/api/me/preferences").then().statusCode(200);
        RestAssured.given().auth().preemptive().basic(name, PASSWORD).get("/api/admin/feeds").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void signUpRefusesBadNamesShortOrUnconfirmedPasswordsAndTakenNames() {
        String taken = newName();
        WebSession.createListener(taken, PASSWORD);
        assertRefused("ab", PASSWORD, PASSWORD, "3 to 40 characters");
        assertRefused("x".repeat(41), PASSWORD, PASSWORD, "3 to 40 characters");
        assertRefused("has space", PASSWORD, PASSWORD, "3 to 40 characters");
        assertRefused("<script>", PASSWORD, PASSWORD, "3 to 40 characters");
        assertRefused(newName(), "short", "short", "at least 10 characters");
        assertRefused(newName(), PASSWORD, PASSWORD + "x", "differ");
        assertRefused(taken, PASSWORD, PASSWORD, "is taken");
        assertRefused(taken.toUpperCase(), PASSWORD, PASSWORD, "is taken");
        assertRefused("admin", PASSWORD, PASSWORD, "is taken");
    }

    void assertRefused(String username, String password, String confirm, String reason) {
        WebSession session = WebSession.anonymous();
        Document form = session.page("/signup");
        Response refused = session.request().formParam("csrf-token", WebSession.csrf(form, "form[action=/signup]"))
                .formParam("username", username).formParam("password", password).formParam("confirm", confirm)
                .post("/signup");
        assertThat(refused.statusCode()).as(username).isEqualTo(422);
        Document again = Jsoup.parse(refused.asString());
        assertThat(again.select("[role=alert]").text()).as(username).contains(reason);
        assertThat(again.select("input#username").attr("value")).isEqualTo(username.strip());
    }

    @Test
    void signUpWithoutTheCsrfTokenIsRefused() {
        WebSession session = WebSession.anonymous();
        session.page("/signup");
        String name = newName();
        int status = session.request().formParam("username", name).formParam("password", PASSWORD)
                .formParam("confirm", PASSWORD).post("/signup").statusCode();
        assertThat(status).isIn(400, 403);
        RestAssured.given().auth().preemptive().basic(name, PASSWORD).get("/api/me/preferences").then().statusCode(401);
    }

    // --- Back to the page after signing in -----------------------------------------------------------------

    @Test
    void signingInFromAProtectedPageLandsBackOnIt() {
        String name = newName();
        WebSession.createListener(name, PASSWORD);
        WebSession session = WebSession.anonymous();
        String login = session.request().get("/me").then().statusCode(303).extract().header("Location");
        assertThat(login).endsWith("/login?return=%2Fme");
        Response form = session.request().urlEncodingEnabled(false).get(login);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(returnCookie(form)).contains("/me;");

        String landing = session.signInForm().formParam("j_username", name).formParam("j_password", PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().header("Location");
        assertThat(URI.create(landing).getPath()).isEqualTo("/me");
        assertThat(session.page("/me").select("h1").text()).isEqualTo("Your profile");

        // Used once: signing in again in the same browser lands on the home page.
        String next = session.signInForm().formParam("j_username", name).formParam("j_password", PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().header("Location");
        assertThat(URI.create(next).getPath()).isEqualTo("/");
    }

    @Test
    void aReturnPathOnlyLeadsWithinTheSite() {
        for (String elsewhere : List.of("//evil.example/me", "https://evil.example/me", "/\\evil.example", "me",
                "/login?return=/me", "/me\r\nSet-Cookie: x=y")) {
            Response form = WebSession.anonymous().request().queryParam("return", elsewhere).get("/login");
            assertThat(form.statusCode()).as(elsewhere).isEqualTo(200);
            assertThat(returnCookie(form)).as(elsewhere).isNull();
        }
        Response search = WebSession.anonymous().request().queryParam("return", "/search?q=moons&type=episode").get("/login");
        assertThat(returnCookie(search)).contains("/search?q=moons&type=episode;");
    }

    /** The cookie where Quarkus' form authentication keeps the page to go back to; null when none is set. */
    static String returnCookie(Response response) {
        return response.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("quarkus-redirect-location="))
                .findFirst().orElse(null);
    }

    // --- The API with the session cookie or Basic ----------------------------------------------------------

    @Test
    void theApiTakesTheSessionCookieOrBasicAndAnswersAnonymousCallsWith401() {
        String name = newName();
        WebSession.createListener(name, PASSWORD);
        WebSession session = WebSession.signedIn(name, PASSWORD);
        session.request().get("/api/me/preferences").then().statusCode(200).contentType(ContentType.JSON)
                .body("explicitAllowed", equalTo(true));
        RestAssured.given().auth().preemptive().basic(name, PASSWORD).redirects().follow(false)
                .get("/api/me/preferences").then().statusCode(200).body("interests", equalTo(""));
        RestAssured.given().redirects().follow(false).get("/api/me/preferences").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Basic"))
                .body("detail", containsString("session cookie"));

        // JSON with the cookie works (a same-origin script: browsers send its Origin); a form body, all a
        // cross-site form can send, does not.
        String origin = "http://localhost:" + RestAssured.port;
        session.request().header("Origin", origin).contentType(ContentType.JSON).body("{\"interests\": \"jazz\"}").put("/api/me/preferences")
                .then().statusCode(200).body("interests", equalTo("jazz"));
        int forged = session.request().contentType(ContentType.URLENC).formParam("interests", "forged")
                .put("/api/me/preferences").statusCode();
        assertThat(forged).isIn(400, 403, 415);
        int text = session.request().header("Origin", origin).contentType("text/plain").body("{\"interests\": \"forged\"}")
                .put("/api/me/preferences").statusCode();
        assertThat(text).isEqualTo(415);
        session.request().get("/api/me/preferences").then().body("interests", equalTo("jazz"));
    }

    // --- Security headers ---------------------------------------------------------------------------------

    @Test
    void pagesCarryAContentSecurityPolicyAndNoInlineScriptsOrStyles() {
        for (String path : List.of("/", "/login", "/signup")) {
            Response page = RestAssured.given().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String csp = page.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'").contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").contains("object-src 'none'").doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).isNotBlank();
            Document html = Jsoup.parse(page.asString());
            assertThat(html.select("script:not([src])")).as(path).isEmpty();
            assertThat(html.select("style, [style]")).as(path).isEmpty();
        }
        String admin = WebSession.signedIn("admin", Api.ADMIN_PASSWORD).request().get("/admin")
                .then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(admin).contains("default-src 'self'");
        // Swagger UI needs inline scripts: the policy leaves /q/ out, but nosniff still applies.
        Response swagger = RestAssured.given().get("/q/swagger-ui/");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.header("Content-Security-Policy")).isNull();
        assertThat(swagger.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        String setCookie = WebSession.anonymous().signInForm().formParam("j_username", "admin")
                .formParam("j_password", Api.ADMIN_PASSWORD).post("/j_security_check").then().statusCode(302)
                .extract().header("Set-Cookie");
        assertThat(setCookie).contains("quarkus-credential=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    // --- Navigation ---------------------------------------------------------------------------------------

    @Test
    void theNavigationShowsWhatTheViewerMayOpen() {
        Document anonymous = WebSession.anonymous().page("/");
        assertThat(anonymous.select("nav[aria-label=Main] a").eachAttr("href")).containsExactly("/", "/search", "/categories", "/ask");
        assertThat(anonymous.select("header .account a").eachAttr("href")).contains("/signup", "/login");

        String name = newName();
        WebSession.createListener(name, PASSWORD);
        Document listener = WebSession.signedIn(name, PASSWORD).page("/");
        assertThat(listener.select("nav[aria-label=Main] a").eachAttr("href")).containsExactly("/", "/search", "/categories", "/ask", "/me");
        assertThat(listener.select("header .account form[action=/logout] button").text()).isEqualTo("Sign out");

        Document admin = WebSession.signedIn("admin", Api.ADMIN_PASSWORD).page("/");
        assertThat(admin.select("nav[aria-label=Main] a").eachAttr("href")).containsExactly("/", "/search", "/categories", "/ask", "/me", "/admin");
    }

    // --- Admin pages ------------------------------------------------------------------------------------

    @Test
    void listenersGet403OnEveryAdminPageAndRouteAndAnonymousVisitorsAreSentToSignIn() {
        String name = newName();
        WebSession.createListener(name, PASSWORD);
        WebSession listener = WebSession.signedIn(name, PASSWORD);
        for (String page : List.of("/admin", "/admin/feeds", "/admin/index", "/admin/users", "/admin/feeds.opml")) {
            listener.request().get(page).then().statusCode(403);
            WebSession.anonymous().request().get(page).then().statusCode(303).header("Location", containsString("/login"));
        }
        listener.request().get("/api/admin/feeds").then().statusCode(403).contentType("application/problem+json");
        listener.request().get("/api/admin/index").then().statusCode(403);
        RestAssured.given().get("/api/admin/index").then().statusCode(401).contentType("application/problem+json");
        // A listener's forms cannot grant themselves the role either.
        Document home = listener.page("/");
        long id = userId(name);
        listener.request().formParam("csrf-token", WebSession.csrf(home, "form[action=/logout]"))
                .formParam("action", "grant").post("/admin/users/" + id + "/admin").then().statusCode(403);
        RestAssured.given().auth().preemptive().basic(name, PASSWORD).get("/api/admin/feeds").then().statusCode(403);
    }

    @Test
    void theAdminDashboardLinksToFeedsIndexAndUsers() {
        WebSession admin = WebSession.signedIn("admin", Api.ADMIN_PASSWORD);
        Document dashboard = admin.page("/admin");
        assertThat(dashboard.select("h1").text()).isEqualTo("Admin");
        assertThat(dashboard.select("main a").eachAttr("href")).contains("/admin/feeds", "/admin/index", "/admin/users");
        Document index = admin.page("/admin/index");
        assertThat(index.select("h1").text()).isEqualTo("Index");
        assertThat(index.text()).contains("Writes:");
    }

    @Test
    void anAdminGrantsAndRevokesTheAdminRoleButNotTheirOwn() {
        String name = newName();
        WebSession.createListener(name, PASSWORD);
        WebSession admin = WebSession.signedIn("admin", Api.ADMIN_PASSWORD);
        long id = userId(name);

        Document users = admin.page("/admin/users");
        assertThat(users.select("#user-" + id + " .roles").text()).isEqualTo("user");
        Response granted = admin.request().formParam("csrf-token", WebSession.csrf(users, "#user-" + id + " form"))
                .formParam("action", "grant").post("/admin/users/" + id + "/admin");
        assertThat(granted.statusCode()).isEqualTo(303);
        users = admin.page(granted.header("Location"));
        assertThat(users.select("[role=status]").text()).contains(name + " is now an admin");
        assertThat(users.select("#user-" + id + " .roles").text()).contains("admin");
        // The new admin's next request already has the role.
        WebSession.signedIn(name, PASSWORD).request().get("/admin/users").then().statusCode(200);

        Response revoked = admin.request().formParam("csrf-token", WebSession.csrf(users, "#user-" + id + " form"))
                .formParam("action", "revoke").post("/admin/users/" + id + "/admin");
        users = admin.page(revoked.header("Location"));
        assertThat(users.select("#user-" + id + " .roles").text()).isEqualTo("user");
        WebSession.signedIn(name, PASSWORD).request().get("/admin/users").then().statusCode(403);

        // Their own row has no revoke button, and a forged request is refused.
        long self = userId("admin");
        assertThat(users.select("#user-" + self + " form")).isEmpty();
        Response own = admin.request().formParam("csrf-token", WebSession.csrf(users, "#user-" + id + " form"))
                .formParam("action", "revoke").post("/admin/users/" + self + "/admin");
        assertThat(admin.page(own.header("Location")).select("[role=alert]").text()).contains("cannot revoke your own");
        admin.request().get("/admin/users").then().statusCode(200);

        admin.request().formParam("csrf-token", WebSession.csrf(users, "#user-" + id + " form"))
                .formParam("action", "grant").post("/admin/users/999999/admin").then().statusCode(404);
    }

    static long userId(String username) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> org.wavelength.web.security.UserAccount.byUsername(username).orElseThrow().id);
    }
}

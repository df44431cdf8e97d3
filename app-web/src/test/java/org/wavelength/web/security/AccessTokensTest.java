package org.wavelength.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.WebSession;

/** Personal access tokens: made, listed and revoked on the API and on /me, and accepted as Bearer or Basic. */
@QuarkusTest
class AccessTokensTest {

    static final String PASSWORD = "token-owner-password";
    static final AtomicInteger count = new AtomicInteger();

    @Inject
    DataSource dataSource;

    static String newListener() {
        String name = "tokens-" + count.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        WebSession.createListener(name, PASSWORD);
        return name;
    }

    static RequestSpecification withPassword(String name) {
        return given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON);
    }

    static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static JsonPath make(String name, String tokenName) {
        return withPassword(name).body("{\"name\":\"" + tokenName + "\"}").post("/api/me/tokens")
                .then().statusCode(201).extract().jsonPath();
    }

    static void assertRefused(Response response, String detail) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains(detail);
    }

    @Test
    void madeListedAndRevokedOnTheApiWithTheSecretShownOnce() throws Exception {
        String owner = newListener();
        JsonPath made = make(owner, "phone");
        String secret = made.getString("token");
        assertThat(secret).matches("wl_[A-Za-z0-9_-]{43}");
        long id = made.getLong("id");

        String listed = withPassword(owner).get("/api/me/tokens").then().statusCode(200).extract().asString();
        assertThat(listed).contains("\"phone\"").doesNotContain(secret);
        assertThat(JsonPath.from(listed).getList("id", Long.class)).containsExactly(id);
        // Another account sees none of them and cannot revoke them.
        String other = newListener();
        assertThat(withPassword(other).get("/api/me/tokens").then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
        withPassword(other).delete("/api/me/tokens/" + id).then().statusCode(404);

        // Only the SHA-256 of the secret is stored; no column of any token row holds the secret.
        List<String> row = tokenRow(id);
        assertThat(row).doesNotContain(secret).noneMatch(value -> value != null && value.contains(secret.substring(3)));
        assertThat(row).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII))));

        bearer(secret).get("/api/me/preferences").then().statusCode(200);
        withPassword(owner).delete("/api/me/tokens/" + id).then().statusCode(204);
        assertRefused(bearer(secret).get("/api/me/preferences"), "revoked, or never existed");
        assertThat(withPassword(owner).get("/api/me/tokens").then().extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void bearerAndBasicWithTheTokenAsPasswordSpeakForTheAccountWithItsRoles() {
        String owner = newListener();
        withPassword(owner).body("{\"languages\":[\"en\"],\"interests\":\"owls\"}").put("/api/me/preferences").then().statusCode(200);
        String secret = make(owner, "sync").getString("token");

        bearer(secret).get("/api/me/preferences").then().statusCode(200)
                .body("interests", org.hamcrest.Matchers.equalTo("owls"));
        given().auth().preemptive().basic(owner, secret).get("/api/me/preferences").then().statusCode(200)
                .body("interests", org.hamcrest.Matchers.equalTo("owls"));
        // The user name's case does not matter, as for the account's name; another account's name does.
        given().auth().preemptive().basic(owner.toUpperCase(), secret).get("/api/me/preferences").then().statusCode(200);
        String other = newListener();
        assertRefused(given().auth().preemptive().basic(other, secret).get("/api/me/preferences"), "another account");
        // The listener's roles: no admin API.
        bearer(secret).get("/api/admin/feeds").then().statusCode(403);
        String admin = given().auth().preemptive().basic("admin", Api.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body("{\"name\":\"ops\"}").post("/api/me/tokens").then().statusCode(201).extract().jsonPath().getString("token");
        bearer(admin).get("/api/admin/feeds").then().statusCode(200);
        // Sync clients that know only Basic: the gpodder API and its Simple API, with the token as the password.
        Response sync = given().auth().preemptive().basic(owner, secret).get("/api/2/devices/" + owner + ".json");
        assertThat(sync.statusCode()).isEqualTo(200);
        // A token begins no session: a cookie would outlive its revocation and could manage tokens.
        assertThat(sync.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("quarkus-credential="));
        given().auth().preemptive().basic(owner, secret).get("/subscriptions/" + owner + ".json").then().statusCode(200);
    }

    @Test
    void aTokenRequestNeverReadsThePasswordHash() {
        String owner = newListener();
        String secret = make(owner, "script").getString("token");
        // The account's hash changed to another password's: a token checked against it would fail.
        String otherHash = io.quarkus.elytron.security.common.BcryptUtil.bcryptHash("another password");
        QuarkusTransaction.requiringNew().run(() -> UserAccount.update("passwordHash = ?1 where username = ?2", otherHash, owner));
        bearer(secret).get("/api/me/preferences").then().statusCode(200);
        given().auth().preemptive().basic(owner, secret).get("/api/me/preferences").then().statusCode(200);
        withPassword(owner).get("/api/me/preferences").then().statusCode(401);
    }

    @Test
    void unknownRevokedAndMalformedTokensAre401WithAClearProblem() {
        assertRefused(bearer("wl_" + "A".repeat(43)).get("/api/me/preferences"), "revoked, or never existed");
        assertRefused(bearer("wl_short").get("/api/me/preferences"), "malformed");
        assertRefused(bearer("not-ours").get("/api/me/preferences"), "malformed");
        Response refused = bearer("").get("/api/me/preferences");
        assertRefused(refused, "malformed");
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer").contains("invalid_token");
        // A Basic password that only looks like a token's prefix is a password, checked as one.
        String owner = newListener();
        given().auth().preemptive().basic(owner, "wl_not-a-token").get("/api/me/preferences").then().statusCode(401);
    }

    @Test
    void theLastUseIsKeptToTheMinuteWithoutAWritePerRequest() throws Exception {
        String owner = newListener();
        JsonPath made = make(owner, "poller");
        assertThat(made.getString("lastUsedAt")).isNull();
        bearer(made.getString("token")).get("/api/me/preferences").then().statusCode(200);
        Instant first = lastUsed(made.getLong("id"));
        assertThat(first).isNotNull().isAfter(Instant.now().minusSeconds(60));
        for (int i = 0; i < 5; i++) {
            bearer(made.getString("token")).get("/api/me/preferences").then().statusCode(200);
        }
        assertThat(lastUsed(made.getLong("id"))).isEqualTo(first);
        // Older than a minute: written again.
        setLastUsed(made.getLong("id"), Instant.now().minusSeconds(120));
        bearer(made.getString("token")).get("/api/me/preferences").then().statusCode(200);
        assertThat(lastUsed(made.getLong("id"))).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void aCookieOfOneAccountNeverMixesWithATokenOfAnother() {
        String cookieOwner = newListener();
        String tokenOwner = newListener();
        withPassword(cookieOwner).body("{\"interests\":\"cookie\"}").put("/api/me/preferences").then().statusCode(200);
        withPassword(tokenOwner).body("{\"interests\":\"token\"}").put("/api/me/preferences").then().statusCode(200);
        JsonPath made = make(tokenOwner, "mixed");
        WebSession browser = WebSession.signedIn(cookieOwner, PASSWORD);

        // The token alone decides whom the request speaks for, reads and writes alike.
        browser.request().header("Authorization", "Bearer " + made.getString("token")).get("/api/me/preferences")
                .then().statusCode(200).body("interests", org.hamcrest.Matchers.equalTo("token"));
        browser.request().header("Authorization", "Bearer " + made.getString("token")).contentType(ContentType.JSON)
                .body("{\"interests\":\"written with the token\"}").put("/api/me/preferences").then().statusCode(200);
        withPassword(cookieOwner).get("/api/me/preferences").then().body("interests", org.hamcrest.Matchers.equalTo("cookie"));
        // A refused token is refused, not replaced by the cookie that came with it.
        withPassword(tokenOwner).delete("/api/me/tokens/" + made.getLong("id")).then().statusCode(204);
        assertRefused(browser.request().header("Authorization", "Bearer " + made.getString("token")).get("/api/me/preferences"),
                "revoked");
        browser.request().get("/api/me/preferences").then().statusCode(200).body("interests", org.hamcrest.Matchers.equalTo("cookie"));
    }

    @Test
    void tokensAreNotCookiesForTheCrossSiteGuardAndCannotManageTokens() {
        String owner = newListener();
        String secret = make(owner, "cli").getString("token");
        // A Bearer or Basic token is no ambient credential: a call from another origin with one passes the guard.
        bearer(secret).header("Origin", "http://localhost:1").header("Sec-Fetch-Site", "cross-site")
                .body("{\"interests\":\"from a script\"}").put("/api/me/preferences").then().statusCode(200);
        given().auth().preemptive().basic(owner, secret).contentType(ContentType.JSON).header("Origin", "http://localhost:1")
                .body("{\"interests\":\"from a sync client\"}").put("/api/me/preferences").then().statusCode(200);
        // The cookie from another site's page: refused by the guard, tokens included.
        WebSession browser = WebSession.signedIn(owner, PASSWORD);
        Response forged = browser.request().header("Origin", "http://localhost:1").header("Sec-Fetch-Site", "same-site")
                .contentType("text/plain").body("{\"name\":\"stolen\"}").post("/api/me/tokens");
        assertThat(forged.statusCode()).isEqualTo(403);
        browser.request().header("Sec-Fetch-Site", "same-site").delete("/api/me/tokens/1").then().statusCode(403);
        // From the site itself the cookie may.
        browser.request().header("Sec-Fetch-Site", "same-origin").contentType(ContentType.JSON).body("{\"name\":\"mine\"}")
                .post("/api/me/tokens").then().statusCode(201);
        // A token cannot make its own successor.
        Response minted = bearer(secret).body("{\"name\":\"successor\"}").post("/api/me/tokens");
        assertThat(minted.statusCode()).isEqualTo(403);
        assertThat(minted.jsonPath().getString("detail")).contains("not with a token");
        withPassword(owner).body("{\"name\":\"  \"}").post("/api/me/tokens").then().statusCode(400);
        withPassword(owner).body("{\"name\":\"" + "x".repeat(101) + "\"}").post("/api/me/tokens").then().statusCode(400);
    }

    @Test
    void madeListedAndRevokedOnTheProfilePageWithoutScript() {
        String owner = newListener();
        WebSession browser = WebSession.signedIn(owner, PASSWORD);
        Document me = browser.page("/me");
        String csrf = WebSession.csrf(me, "form[action=/me/tokens]");
        Response made = browser.request().formParam("csrf-token", csrf).formParam("name", "kitchen radio").post("/me/tokens");
        assertThat(made.statusCode()).isEqualTo(200);
        Document shown = org.jsoup.Jsoup.parse(made.asString());
        String secret = shown.select("input#new-token").attr("value");
        assertThat(secret).matches("wl_[A-Za-z0-9_-]{43}");
        assertThat(made.header("Cache-Control")).contains("no-store");

        // Shown once: the page opened again lists the token by name, without its secret.
        Document again = browser.page("/me");
        assertThat(again.select("ul.tokens li").text()).contains("kitchen radio").contains("never used");
        assertThat(again.html()).doesNotContain(secret);
        bearer(secret).get("/api/me/preferences").then().statusCode(200);
        assertThat(browser.page("/me").select("ul.tokens li").text()).contains("last used");
        // Without the form's token, nothing is made.
        browser.request().formParam("name", "forged").post("/me/tokens").then().statusCode(400);

        String revoke = again.select("ul.tokens form").attr("action");
        browser.request().formParam("csrf-token", WebSession.csrf(again, "ul.tokens form")).post(revoke)
                .then().statusCode(303);
        assertRefused(bearer(secret).get("/api/me/preferences"), "revoked");
        assertThat(browser.page("/me").select("ul.tokens")).isEmpty();
        // A blank name is said beside the form.
        Response blank = browser.request().formParam("csrf-token", csrf).formParam("name", " ").post("/me/tokens");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(blank.asString()).select("p.error").text()).isNotEmpty();
    }

    private List<String> tokenRow(long id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select * from access_token where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                ResultSetMetaData meta = rows.getMetaData();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(rows.getString(i));
                }
                return values;
            }
        }
    }

    private Instant lastUsed(long id) {
        return QuarkusTransaction.requiringNew().call(() -> AccessToken.<AccessToken>findById(id).lastUsedAt);
    }

    private void setLastUsed(long id, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> AccessToken.update("lastUsedAt = ?1 where id = ?2", at, id));
    }
}

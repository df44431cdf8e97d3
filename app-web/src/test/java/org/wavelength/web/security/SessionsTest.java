package org.wavelength.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.WebSession;

/** Sign-in cookies: sealed with a key no one reads in the log, and ended for good by signing out. */
@QuarkusTest
class SessionsTest {

    static final String COOKIE = "quarkus-credential";
    static final String PASSWORD = "a-long-password";
    static final AtomicInteger count = new AtomicInteger();

    static String newListener() {
        String name = "session-" + count.incrementAndGet();
        WebSession.createListener(name, PASSWORD);
        return name;
    }

    /** Signs in with the form; returns the session (cookies kept) and its sign-in cookie. */
    static WebSession signIn(String name) {
        WebSession session = WebSession.signedIn(name, PASSWORD);
        assertThat(session.cookies().getCookieStore().getCookies()).anyMatch(c -> c.getName().equals(COOKIE));
        return session;
    }

    static String cookieOf(WebSession session) {
        return session.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(COOKIE)).findFirst()
                .orElseThrow().getValue();
    }

    static Response withCookie(String cookie, String path) {
        return given().redirects().follow(false).cookie(COOKIE, cookie).get(path);
    }

    @Test
    void aCookieCopiedBeforeSigningOutNoLongerSignsIn() {
        String name = newListener();
        WebSession session = signIn(name);
        String copied = cookieOf(session);
        withCookie(copied, "/api/me/preferences").then().statusCode(200);

        Document home = session.page("/");
        session.request().formParam("csrf-token", WebSession.csrf(home, "form[action=/logout]")).post("/logout")
                .then().statusCode(303);

        Response api = withCookie(copied, "/api/me/preferences");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.jsonPath().getString("detail")).contains("session has ended");
        // A page: the stale cookie is dropped, and the page asked for again as a visitor, who is sent to sign in.
        Response page = withCookie(copied, "/me");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).endsWith("/me");
        assertThat(page.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith(COOKIE + "=;") && c.contains("Max-Age=0"));
        given().redirects().follow(false).get("/me").then().statusCode(303);
        assertThat(withCookie(copied, "/").statusCode()).isEqualTo(303);

        // Signing in again works, and Basic credentials never depended on the cookie.
        withCookie(cookieOf(signIn(name)), "/api/me/preferences").then().statusCode(200);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/me/preferences").then().statusCode(200);
    }

    @Test
    void signingOutEverywhereEndsTheSessionsOfEveryBrowser() {
        String name = newListener();
        WebSession phone = signIn(name);
        WebSession laptop = signIn(name);
        String laptopCookie = cookieOf(laptop);
        String phoneCookie = cookieOf(phone);
        withCookie(laptopCookie, "/api/me/preferences").then().statusCode(200);

        Document me = phone.page("/me");
        assertThat(me.select("#sessions button").text()).isEqualTo("Sign out everywhere");
        phone.request().formParam("csrf-token", WebSession.csrf(me, "form[action=/me/sessions/end]"))
                .post("/me/sessions/end").then().statusCode(303);

        withCookie(laptopCookie, "/api/me/preferences").then().statusCode(401);
        withCookie(phoneCookie, "/api/me/preferences").then().statusCode(401);
        withCookie(cookieOf(signIn(name)), "/api/me/preferences").then().statusCode(200);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/me/preferences").then().statusCode(200);
    }

    /** A password change ends every session (issue 14: sign-out, a password change and "sign out everywhere"). */
    @Test
    void changingThePasswordEndsEverySessionAndOnlyTheNewPasswordSignsIn() {
        String name = newListener();
        WebSession phone = signIn(name);
        String laptopCookie = cookieOf(signIn(name));

        Document form = phone.page(phone.page("/me").select("a[href=/me/password]").attr("href"));
        String token = WebSession.csrf(form, "form[action=/me/password]");
        Response wrong = phone.request().formParam("csrf-token", token).formParam("current", "not-my-password")
                .formParam("password", "a-new-long-password").formParam("confirm", "a-new-long-password").post("/me/password");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.asString()).contains("The current password is wrong.");
        Response differ = phone.request().formParam("csrf-token", token).formParam("current", PASSWORD)
                .formParam("password", "a-new-long-password").formParam("confirm", "another-long-one").post("/me/password");
        assertThat(differ.statusCode()).isEqualTo(422);
        withCookie(laptopCookie, "/api/me/preferences").then().statusCode(200);

        Response changed = phone.request().formParam("csrf-token", token).formParam("current", PASSWORD)
                .formParam("password", "a-new-long-password").formParam("confirm", "a-new-long-password").post("/me/password");
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).endsWith("/login?changed=" + name);
        assertThat(phone.page("/login?changed=" + name).select("#changed").text()).contains("Sign in with the new password");

        withCookie(laptopCookie, "/api/me/preferences").then().statusCode(401);
        phone.request().get("/api/me/preferences").then().statusCode(401);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/me/preferences").then().statusCode(401);
        given().auth().preemptive().basic(name, "a-new-long-password").get("/api/me/preferences").then().statusCode(200);
        withCookie(cookieOf(WebSession.signedIn(name, "a-new-long-password")), "/api/me/preferences").then().statusCode(200);
    }

    @Test
    void theSealingKeyIsNeitherLoggedNorGuessableAndAForgedAdminCookieFails() throws Exception {
        Path dataDir = Path.of(ConfigProvider.getConfig().getValue("wavelength.data-dir", String.class));
        String log = Files.readString(Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class)));
        assertThat(log).contains("Installed features"); // the log of this start is the one read
        // What the probe did: take the key Quarkus logged and seal "<expiry>:admin" with it.
        Matcher logged = Pattern.compile("using temporary key (\\S+)").matcher(log);
        if (logged.find()) {
            withCookie(forge(logged.group(1), "admin"), "/api/admin/feeds").then().statusCode(401);
        }
        assertThat(log).doesNotContain("temporary key");

        Path keyFile = dataDir.resolve("session-key");
        if (ConfigProvider.getConfig().getConfigValue("quarkus.http.auth.session.encryption-key").getSourceOrdinal() > 1) {
            // Configured (as the PostgreSQL run must): that key is used, and none is made.
            assertThat(keyFile).doesNotExist();
            return;
        }
        // Else the key is kept in the data directory, readable by its owner only, and is the one in use.
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String key = Files.readString(keyFile).strip();
        assertThat(ConfigProvider.getConfig().getValue("quarkus.http.auth.session.encryption-key", String.class)).isEqualTo(key);
        assertThat(log).doesNotContain(key);

        // Even with the key, a cookie that only names an account (no session of it) signs no one in.
        withCookie(forge(key, "admin"), "/api/admin/feeds").then().statusCode(401);
        Api.asAdmin().get("/api/admin/feeds").then().statusCode(200);
    }

    /** A cookie as Quarkus' form authentication seals it: AES-GCM over "<expiry>:<name>", key = SHA-256 of the text. */
    static String forge(String key, String name) throws Exception {
        byte[] aes = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(((System.currentTimeMillis() + 600_000) + ":" + name).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + iv.length + sealed.length)
                .put((byte) iv.length).put(iv).put(sealed).array());
    }
}

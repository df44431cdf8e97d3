package org.wavelength.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.WebSession;

/** Guessing a password, by Basic or with the form, is soon refused outright; other accounts go on. */
@QuarkusTest
class SignInBackOffApiTest {

    static final String PASSWORD = "a-long-password";
    /** SignInBackOff.FREE_PER_PAIR: the failures before the first pause. */
    static final int FREE = 5;
    static final AtomicInteger count = new AtomicInteger();

    static String newListener() {
        String name = "guessed-" + count.incrementAndGet();
        WebSession.createListener(name, PASSWORD);
        return name;
    }

    @Test
    void wrongBasicPasswordsAreSoonAnswered429WithRetryAfter() {
        String name = newListener();
        for (int i = 0; i < FREE; i++) {
            given().auth().preemptive().basic(name, "wrong-" + i).get("/api/me/preferences").then().statusCode(401);
        }
        given().auth().preemptive().basic(name, "wrong-again").get("/api/me/preferences").then().statusCode(401);
        Response paused = given().auth().preemptive().basic(name, "wrong-once-more").get("/api/me/preferences");
        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(paused.header("Retry-After"))).isBetween(1, 900);
        assertThat(paused.jsonPath().getString("detail")).contains("Too many failed sign-ins");

        String other = newListener();
        given().auth().preemptive().basic(other, PASSWORD).get("/api/me/preferences").then().statusCode(200);
    }

    @Test
    void theSignInFormSaysToWait() {
        String name = newListener();
        for (int i = 0; i <= FREE; i++) {
            WebSession.anonymous().signInForm().formParam("j_username", name).formParam("j_password", "wrong-" + i)
                    .post("/j_security_check").then().statusCode(302);
        }
        Response paused = WebSession.anonymous().signInForm().formParam("j_username", name).formParam("j_password", "wrong")
                .post("/j_security_check");
        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(paused.header("Retry-After"))).isBetween(1, 900);
        assertThat(Jsoup.parse(paused.asString()).text()).contains("Too many failed sign-ins");
        String page = WebSession.anonymous().request().get("/login?error=true").asString();
        assertThat(Jsoup.parse(page).select("[role=alert]").text()).contains("Too many failed sign-ins");
    }
}

package org.wavelength.web.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;

/** The hourly allowance: visitors get fewer messages than signed-in listeners, and a 429 says when to come back. */
@QuarkusTest
@TestProfile(ChatLimitsTest.SmallAllowances.class)
class ChatLimitsTest {

    public static class SmallAllowances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.chat.anonymous-messages-per-hour", "2", "wavelength.chat.messages-per-hour", "4");
        }
    }

    @Test
    void aVisitorIsStoppedBeforeASignedInListener() {
        for (int i = 0; i < 2; i++) {
            visitor().post("/api/chat").then().statusCode(200);
        }
        visitor().post("/api/chat").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("detail", containsString("signing in allows more"));

        for (int i = 0; i < 4; i++) {
            Api.asAdmin().body(Map.of("message", "jazz")).post("/api/chat").then().statusCode(200);
        }
        Api.asAdmin().body(Map.of("message", "jazz")).post("/api/chat").then().statusCode(429);
    }

    private static io.restassured.specification.RequestSpecification visitor() {
        return given().contentType(ContentType.JSON).body(Map.of("message", "jazz"));
    }
}

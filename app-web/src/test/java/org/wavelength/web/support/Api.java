package org.wavelength.web.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;

/** Calls the API as an admin script would. */
public final class Api {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType(ContentType.JSON);
    }

    /** Adds a feed and waits until its fetch has ended; returns the feed's id. */
    public static long addFeedAndWait(String url) {
        long id = asAdmin().contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/api/admin/feeds").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitFetched(id);
        return id;
    }

    public static String awaitFetched(long feedId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> asAdmin().get("/api/admin/feeds/" + feedId).then().extract().jsonPath().getString("status"),
                status -> !status.equals("PENDING") && !status.equals("FETCHING"));
    }
}

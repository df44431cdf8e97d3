package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;

/**
 * First start with an empty catalogue on an instance that does not ingest (a web replica): the
 * starter feeds are registered for the ingest workers, and the home page says they are coming.
 */
@QuarkusTest
@TestProfile(StarterFeedsTest.WebReplica.class)
class StarterFeedsTest {

    public static class WebReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.bootstrap.starter-feeds", "true", "wavelength.ingest.enabled", "false");
        }
    }

    @Test
    void theStarterFeedsAreRegisteredAndWaitForAWorker() {
        Api.asAdmin().get("/api/admin/feeds?size=100").then().statusCode(200)
                .body("total", equalTo(13))
                .body("items.status", everyItem(equalTo("PENDING")))
                .body("items.url", everyItem(org.hamcrest.Matchers.startsWith("https://")));
    }

    @Test
    void theHomePageSaysFeedsAreOnTheirWay() {
        given().get("/").then().statusCode(200)
                .body(containsString("No podcasts yet"))
                .body(containsString("Fetching 13 feeds"));
    }

    @Test
    void theAdminPageSaysThisInstanceDoesNotIngest() {
        Api.asAdmin().get("/api/admin/feeds").then().statusCode(200);
        given().auth().preemptive().basic("admin", Api.ADMIN_PASSWORD).get("/admin/feeds").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(302)));
    }
}

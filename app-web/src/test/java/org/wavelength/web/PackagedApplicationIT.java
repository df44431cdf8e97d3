package org.wavelength.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * The packaged application (java -jar target/quarkus-app/quarkus-run.jar), not the test build:
 * class loading, the native model libraries and configuration are as a user gets them.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT {

    @Test
    void aFeedAddedThroughTheApiIsEmbeddedAndShown() {
        try (FeedServer server = FeedServer.start()) {
            long feedId = Api.addFeedAndWait(server.serveFixture("computing-history.xml"));
            var feed = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().statusCode(200).extract().jsonPath();
            assertThat(feed.getString("status")).as(feed.getString("lastError")).isEqualTo("OK");
            long podcastId = feed.getLong("podcastId");

            given().get("/api/podcasts/" + podcastId + "/similar").then().statusCode(200);
            given().get("/podcasts/" + podcastId).then().statusCode(200).body(containsString("The Analytical Engine"));
            given().get("/q/health/ready").then().statusCode(200);
        }
    }
}

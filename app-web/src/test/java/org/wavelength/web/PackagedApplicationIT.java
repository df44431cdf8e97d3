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

    /** config.ApplicationMain hands the check of an address to the application, which says what is wrong. */
    @Test
    void aMalformedEscapeGetsAProblemThatSaysWhy() throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/search?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 400").contains("application/problem+json").contains("Malformed escape pair");
        }
    }
}

package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;

/** When no feed can be reached (offline), the home page says so and shows how to add feeds. */
@QuarkusTest
@TestProfile(OfflineHomeTest.Empty.class)
class OfflineHomeTest {

    public static class Empty implements QuarkusTestProfile {
    }

    @Test
    void anEmptyCatalogueExplainsItselfAndOffersUploads() throws IOException {
        given().get("/").then().statusCode(200).body(containsString("No podcasts yet"))
                .body(containsString("Sign in</a> as admin"));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Api.addFeedAndWait("http://127.0.0.1:" + closedPort + "/feed.xml");

        given().get("/").then().statusCode(200)
                .body(containsString("We could not reach any of the 1 feeds we tried"))
                .body(containsString("You may be offline"));
        String adminHome = given().auth().preemptive().basic("admin", Api.ADMIN_PASSWORD).get("/").then()
                .statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(adminHome)
                .contains("name=\"url\"").contains("type=\"file\"").contains("enctype=\"multipart/form-data\"");
    }
}

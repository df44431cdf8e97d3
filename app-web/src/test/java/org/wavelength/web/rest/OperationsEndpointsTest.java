package org.wavelength.web.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description, as operators and API users find them. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthChecksTheDatabaseAndTheVectorIndex() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("vector-index"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theApiIsDescribedWithSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/podcasts/{id}/similar"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/admin/feeds"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}

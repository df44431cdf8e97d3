package org.wavelength.web.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** As in production: feed URLs that lead to local, private or cloud-metadata addresses are refused. */
@QuarkusTest
@TestProfile(SsrfGuardTest.Production.class)
class SsrfGuardTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.ingest.allow-private-hosts", "false");
        }
    }

    @Test
    void aLoopbackFeedIsRefusedBeforeAnyRequestIsSent() {
        try (FeedServer server = FeedServer.start()) {
            String url = server.serveFixture("sourdough.xml");
            long id = Api.addFeedAndWait(url);
            var feed = Api.asAdmin().get("/api/admin/feeds/" + id).then().extract().jsonPath();
            assertThat(feed.getString("status")).isEqualTo("ERROR");
            assertThat(feed.getString("lastError")).contains("127.0.0.1").containsIgnoringCase("not allowed");
            assertThat(server.requests("/sourdough.xml")).isEmpty();
        }
    }

    @Test
    void theCloudMetadataAddressIsRefused() {
        long id = Api.addFeedAndWait("http://169.254.169.254/latest/meta-data/");
        var feed = Api.asAdmin().get("/api/admin/feeds/" + id).then().extract().jsonPath();
        assertThat(feed.getString("status")).isEqualTo("ERROR");
        assertThat(feed.getString("lastError")).contains("169.254.169.254");
    }
}

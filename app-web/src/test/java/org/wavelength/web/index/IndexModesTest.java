package org.wavelength.web.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.PointIds;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** Quasi-real-time mode: writes wait in a buffer and become searchable at the next flush. */
@QuarkusTest
@TestProfile(IndexModesTest.Batch.class)
class IndexModesTest {

    public static class Batch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.index.mode", "batch", "wavelength.index.batch-size", "1000",
                    "wavelength.index.flush-interval", "3s");
        }
    }

    @Inject
    SegmentedIndex index;

    @Test
    void aNewEpisodeIsSearchableAfterTheNextFlush() {
        try (FeedServer server = FeedServer.start()) {
            long feedId = Api.addFeedAndWait(server.serveFixture("sourdough.xml"));
            var status = Api.asAdmin().get("/api/admin/index").then().statusCode(200).extract().jsonPath();
            assertThat(status.getString("mode")).isEqualTo("batch");
            long podcastId = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().extract().jsonPath().getLong("podcastId");

            await().atMost(Duration.ofSeconds(15)).until(() ->
                    index.serving("en").flatMap(c -> index.vectorOf("en", PointIds.of(ItemKind.PODCAST, podcastId))).isPresent());
            assertThat(Api.asAdmin().get("/api/admin/index").then().extract().jsonPath().getInt("pendingWrites")).isZero();
        }
    }
}

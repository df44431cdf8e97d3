package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;

/** wavelength.bootstrap.feeds-dir: every feed file of the folder is ingested on first start, offline. */
@QuarkusTest
@TestProfile(BootstrapFolderTest.FeedsFolder.class)
class BootstrapFolderTest {

    public static class FeedsFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.bootstrap.feeds-dir", "src/test/resources/feeds");
        }
    }

    @Test
    void theFolderFeedsBecomePodcastsWithSimilarOnes() {
        List<String> titles = await().atMost(Duration.ofSeconds(60)).until(
                () -> given().get("/api/podcasts?size=10").then().extract().jsonPath().getList("items.title", String.class),
                list -> list.size() == 3);
        assertThat(titles).containsExactly("Bits of History", "Retro Computer Hour", "Sourdough Sundays");

        var feeds = Api.asAdmin().get("/api/admin/feeds").then().statusCode(200).extract().jsonPath();
        assertThat(feeds.getList("items.status", String.class)).containsOnly("OK");
        assertThat(feeds.getList("items.url", String.class)).allMatch(url -> url.startsWith("file:"));
        assertThat(feeds.getList("items.nextFetchAt")).containsOnlyNulls();

        long id = given().get("/api/podcasts?size=10").then().extract().jsonPath().getLong("items[1].id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/podcasts/" + id).then().statusCode(200).body(containsString("Bits of History")));
    }
}

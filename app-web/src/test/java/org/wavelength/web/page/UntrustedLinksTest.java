package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * A feed whose website, image and enclosure are javascript: addresses. The probe found them rendered as the
 * podcast's "Website" link, the download link, the player's source and images (only the CSP stopped them).
 */
@QuarkusTest
class UntrustedLinksTest {

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
              <channel><title>Scripted Links Radio</title><language>en</language>
                <description>A show whose every link is a script.</description>
                <link>javascript:alert(document.cookie)</link>
                <itunes:image href="javascript:alert('image')"/>
                <item><title>The scripted episode</title><guid>scripted-1</guid>
                  <description>Its enclosure is a script.</description>
                  <link>javascript:alert('episode')</link>
                  <enclosure url="javascript:alert('audio')" type="audio/mpeg" length="1"/>
                  <itunes:image href="javascript:alert('episode image')"/></item>
              </channel>
            </rss>""";

    @Test
    void onlyWebAddressesFromAFeedReachThePagesAndTheApi() {
        long podcastId;
        try (FeedServer server = FeedServer.start()) {
            long feedId = Api.addFeedAndWait(server.serve("/scripted.xml", "application/rss+xml", FEED));
            podcastId = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().statusCode(200)
                    .body("status", equalTo("OK")).extract().jsonPath().getLong("podcastId");
        }
        JsonPath podcast = given().get("/api/podcasts/" + podcastId).then().statusCode(200).extract().jsonPath();
        assertThat(podcast.getString("link")).isNull();
        assertThat(podcast.getString("imageUrl")).isNull();
        JsonPath episodes = given().get("/api/podcasts/" + podcastId + "/episodes").then().statusCode(200).extract().jsonPath();
        List<Long> ids = episodes.getList("items.id", Long.class);
        assertThat(ids).hasSize(1);
        assertThat(episodes.getString("items[0].audioUrl")).isNull();

        for (String page : List.of("/podcasts/" + podcastId, "/episodes/" + ids.get(0), "/api/episodes/" + ids.get(0))) {
            String body = given().get(page).then().statusCode(200).extract().asString();
            assertThat(body).as(page).doesNotContainIgnoringCase("javascript:");
        }
    }
}

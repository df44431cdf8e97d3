package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.BrowseCatalogue;

/**
 * podcast:podroll on the catalogue of {@link BrowseCatalogue}: Open Shelves recommends 夜读时光 (by its
 * podcast:guid), Paper Trail (a wrong guid, but its feed's address) and a show that is not in the
 * catalogue; with the shared data, the namespace example recommends Podcasting 2.0 by guid.
 */
@QuarkusTest
@TestProfile(BrowseCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodrollPagesTest {

    Map<String, Long> podcasts;

    @BeforeEach
    void ingested() {
        if (podcasts == null) {
            podcasts = BrowseCatalogue.awaitIngested();
        }
    }

    @Test
    void theMakersPicksAreMatchedByGuidThenByFeedAddress() {
        JsonPath podroll = given().get("/api/podcasts/" + podcasts.get("Open Shelves") + "/podroll").then().statusCode(200)
                .extract().jsonPath();
        assertThat(podroll.getList("items")).hasSize(3);
        assertThat(podroll.getString("items[0].podcast.title")).isEqualTo("夜读时光");
        assertThat(podroll.getString("items[1].podcast.title")).isEqualTo("Paper Trail");
        assertThat(podroll.getString("items[2].podcast")).isNull();
        assertThat(podroll.getString("items[2].feedUrl")).isEqualTo("https://elsewhere.example/feed.xml");
        given().get("/api/podcasts/987654321/podroll").then().statusCode(404);
    }

    @Test
    void thePodcastPageShowsThemAndOnlyAnAdminMayAddOneThatIsMissing() {
        String path = "/podcasts/" + podcasts.get("Open Shelves");
        Document page = Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
        assertThat(page.select("#podroll-heading").text()).isEqualTo("Recommended by the makers");
        assertThat(page.select("#podroll-heading + ul li").eachText()).containsExactly("夜读时光", "Paper Trail",
                "Not in the catalogue: https://elsewhere.example/feed.xml");
        assertThat(page.select("#podroll-heading + ul a[href=/podcasts/" + podcasts.get("Paper Trail") + "]")).hasSize(1);
        assertThat(page.select("#podroll-heading + ul form")).isEmpty();

        Document asAdmin = Jsoup.parse(given().auth().preemptive().basic("admin", Api.ADMIN_PASSWORD)
                .header("Accept-Language", "zh").get(path).then().statusCode(200).extract().asString());
        assertThat(asAdmin.select("#podroll-heading").text()).isEqualTo("主创推荐");
        assertThat(asAdmin.select("#podroll-heading + ul form[action=/admin/feeds] input[name=url]").attr("value"))
                .isEqualTo("https://elsewhere.example/feed.xml");
    }

    @Test
    void theyComeFirstAmongSimilarPodcastsSayingWhoRecommendsThem() {
        long shelves = podcasts.get("Open Shelves");
        JsonPath similar = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/podcasts/" + shelves + "/similar").then().statusCode(200).extract().jsonPath(),
                json -> !json.getList("items").isEmpty());
        assertThat(similar.getList("items.podcast.title").subList(0, 2)).containsExactly("夜读时光", "Paper Trail");
        assertThat(similar.getList("items.reason").subList(0, 2)).containsOnly("Recommended by the makers of Open Shelves");
        Document page = Jsoup.parse(given().header("Accept-Language", "zh").get("/podcasts/" + shelves).then().statusCode(200)
                .extract().asString());
        assertThat(page.select("#similar-heading + ul .reason").first().text()).isEqualTo("《Open Shelves》的主创推荐");
    }

    @Test
    void aRealPodrollLinksTheRealShowItNames() {
        assumeTrue(BrowseCatalogue.realFeeds() != null, "needs the shared data (-Dcorpus.dir)");
        long example = podcasts.get("Podcasting 2.0 Namespace Example");
        given().get("/api/podcasts/" + example + "/podroll").then().statusCode(200)
                .body("items[0].podcast.title", equalTo("Podcasting 2.0"))
                .body("items[1].podcast", equalTo(null));
        JsonPath similar = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/podcasts/" + example + "/similar").then().statusCode(200).extract().jsonPath(),
                json -> !json.getList("items").isEmpty());
        assertThat(similar.getString("items[0].podcast.title")).isEqualTo("Podcasting 2.0");
        assertThat(similar.getString("items[0].reason")).isEqualTo("Recommended by the makers of Podcasting 2.0 Namespace Example");
    }
}

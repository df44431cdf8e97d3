package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.BrowseCatalogue;

/**
 * Hosts, guests and authors (podcast:person, itunes:author) on the catalogue of {@link BrowseCatalogue}:
 * one person whatever the accents ("Zoë Wang" hosts one show and is a guest, as "Zoe Wang", on another),
 * their page, the search, the credits on podcast and episode pages, and "More with …" among similar episodes.
 */
@QuarkusTest
@TestProfile(BrowseCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeoplePagesTest {

    Map<String, Long> podcasts;

    @BeforeEach
    void ingested() {
        if (podcasts == null) {
            podcasts = BrowseCatalogue.awaitIngested();
        }
    }

    static long personNamed(String q) {
        return given().queryParam("q", q).get("/api/people").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    static Document page(String path, String language) {
        return Jsoup.parse(given().header("Accept-Language", language).get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void onePersonWhateverTheAccentsWithEveryPodcastAndEpisodeTheyAreIn() {
        JsonPath found = given().queryParam("q", "zoe").get("/api/people").then().statusCode(200).extract().jsonPath();
        assertThat(found.getList("items.name")).containsExactly("Zoë Wang");
        long zoe = found.getLong("items[0].id");
        assertThat(found.getString("items[0].link")).isEqualTo("/people/" + zoe);

        JsonPath person = given().get("/api/people/" + zoe).then().statusCode(200).extract().jsonPath();
        assertThat(person.getString("person.imageUrl")).isEqualTo("https://shelves.example/zoe.jpg");
        assertThat(person.getString("person.href")).isEqualTo("https://zoe.example");
        assertThat(person.getList("podcasts.podcast.title")).containsExactly("Open Shelves");
        assertThat(person.getList("podcasts[0].roles")).containsExactly("host");
        assertThat(person.getList("episodes.episode.title")).containsExactly("鲁迅的散文", "A ream of rag paper");
        assertThat(person.getList("episodes.roles")).containsExactly(List.of("guest"), List.of("guest"));

        Document page = page("/people/" + zoe, "en");
        assertThat(page.select("h1").text()).isEqualTo("Zoë Wang");
        assertThat(page.select("#person-podcasts-heading + ul .card").text()).contains("Open Shelves", "Host");
        assertThat(page.select("#person-episodes-heading + ol li").eachText()).anySatisfy(t -> assertThat(t)
                .contains("A ream of rag paper", "Paper Trail", "Guest"));
        assertThat(page("/people/" + zoe, "zh").select("#person-podcasts-heading + ul .card").text()).contains("主持人");
    }

    @Test
    void theShowsAuthorIsCreditedOnItAndSearchTakesAnyPartOfTheName() {
        long ines = personNamed("DUARTE");
        JsonPath person = given().get("/api/people/" + ines).then().statusCode(200).extract().jsonPath();
        assertThat(person.getString("person.name")).isEqualTo("Inès Duarte");
        assertThat(person.getList("podcasts.podcast.title")).containsExactly("Paper Trail");
        assertThat(person.getList("podcasts[0].roles")).containsExactly("author");
        assertThat(person.getList("episodes.episode.title")).as("newest first").containsExactly(
                "The printing press at Mainz", "The shelf that holds the world", "A ream of rag paper");
    }

    @Test
    void podcastAndEpisodePagesLinkTheirPeople() {
        long zoe = personNamed("Zoë Wang");
        Document podcast = page("/podcasts/" + podcasts.get("Open Shelves"), "en");
        assertThat(podcast.select("#people-heading + ul a[href=/people/" + zoe + "]").text()).isEqualTo("Zoë Wang");

        long episode = given().get("/api/podcasts/" + podcasts.get("Paper Trail") + "/episodes").then().extract().jsonPath()
                .getLong("items.find { it.title == 'A ream of rag paper' }.id");
        Document page = page("/episodes/" + episode, "en");
        assertThat(page.select("#people-heading + ul li").eachText()).containsExactly("Inès Duarte Host", "Zoë Wang Guest");
    }

    @Test
    void aSimilarEpisodeOfAnotherShowWithAPersonOfThisOneSaysSo() {
        long shelf = given().get("/api/podcasts/" + podcasts.get("Open Shelves") + "/episodes").then().extract().jsonPath()
                .getLong("items.find { it.title == 'The shelf that holds the world' }.id");
        List<Map<String, Object>> similar = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/episodes/" + shelf + "/similar?limit=100").then().statusCode(200).extract()
                        .jsonPath().getList("items.findAll { it.podcast.title == 'Paper Trail' }"),
                items -> items.size() == 2);
        assertThat(similar).extracting(item -> item.get("reason")).containsOnly("More with Inès Duarte");
    }

    @Test
    void theSearchPageHasAPeopleSection() {
        long zoe = personNamed("zoe");
        Document page = Jsoup.parse(given().queryParam("q", "Zoe Wang").get("/search").then().statusCode(200).extract().asString());
        assertThat(page.select("#people-hits + ul a").attr("href")).isEqualTo("/people/" + zoe);
        assertThat(page.select("#people-hits + ul a").text()).isEqualTo("Zoë Wang");
    }

    @Test
    void badInputIsRefusedAndAnUnknownPersonIsNotFound() {
        given().get("/api/people").then().statusCode(400).body("detail", equalTo("Say whose name to look for: q is missing or blank."));
        given().queryParam("q", "zoe").queryParam("limit", "all").get("/api/people").then().statusCode(400);
        given().get("/api/people/987654321").then().statusCode(404).body("detail", equalTo("There is no person with id 987654321."));
        given().get("/people/987654321").then().statusCode(404).body(containsString("There is no person with id 987654321."));
        given().header("Accept-Language", "zh").get("/people/987654321").then().statusCode(404)
                .body(containsString("没有 id 为 987654321 的人物。"));
    }

    @Test
    void thePeopleOfRealFeedsHaveTheirPages() {
        assumeTrue(BrowseCatalogue.realFeeds() != null, "needs the shared data (-Dcorpus.dir)");
        JsonPath adam = given().get("/api/people/" + personNamed("adam curry")).then().statusCode(200).extract().jsonPath();
        assertThat(adam.getString("person.name")).isEqualTo("Adam Curry");
        assertThat(adam.getList("episodes.podcast.title", String.class)).contains("Podcasting 2.0",
                "Podcasting 2.0 Namespace Example");
        assertThat(adam.getList("episodes.roles.flatten()", String.class)).contains("host");

        JsonPath wondery = given().get("/api/people/" + personNamed("wondery")).then().statusCode(200).extract().jsonPath();
        assertThat(wondery.getString("person.name")).isEqualTo("Airship / Wondery");
        assertThat(wondery.getList("podcasts.podcast.title")).containsExactly("1865");
        Document page = page("/podcasts/" + podcasts.get("1865"), "en");
        assertThat(page.select("#people-heading + ul li").eachText()).containsExactly("Airship / Wondery Author");

        JsonPath mike = given().get("/api/people/" + personNamed("Mike Neumann")).then().statusCode(200).extract().jsonPath();
        assertThat(mike.getList("podcasts[0].roles")).as("itunes:author names the host: one credit").containsExactly("host");
    }
}

package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.support.BrowseCatalogue;

/**
 * Categories and languages, as pages and in the API, on a catalogue of known feeds: three fixtures
 * (Arts › Books and Design, History; English, British English and Chinese) and, with the shared data,
 * four real feeds.
 */
@QuarkusTest
@TestProfile(BrowseCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowsePagesTest {

    @Inject
    InteractionStore interactions;

    @Inject
    CatalogueStore catalogue;

    Map<String, Long> podcasts;

    @BeforeEach
    void ingested() {
        if (podcasts == null) {
            podcasts = BrowseCatalogue.awaitIngested();
        }
    }

    static Document page(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    static Document pageInChinese(String path) {
        return Jsoup.parse(given().header("Accept-Language", "zh-CN").get(path).then().statusCode(200).extract().asString());
    }

    // ---- categories ----

    @Test
    void theCategoriesAreATreeWithTheirCounts() {
        JsonPath categories = given().get("/api/categories").then().statusCode(200).extract().jsonPath();
        Map<String, Object> arts = categories.getMap("items.find { it.name == 'Arts' }");
        assertThat(arts).containsEntry("podcasts", 3).containsEntry("link", "/categories/Arts");
        assertThat(categories.getList("items.find { it.name == 'Arts' }.subcategories.name"))
                .containsExactly("Books", "Design");
        assertThat(categories.getList("items.find { it.name == 'Arts' }.subcategories.podcasts")).containsExactly(3, 1);

        Document page = page("/categories");
        assertThat(page.select("h1").text()).isEqualTo("Categories");
        assertThat(page.select("a[href=/categories/Arts]").text()).isEqualTo("Arts");
        assertThat(page.select("a[href=/categories/Books]").parents().select("li").first().text()).contains("3 podcasts");
    }

    @Test
    void aSubcategoryPageNamesItsParentAndListsItsPodcasts() {
        Document page = page("/categories/books");
        assertThat(page.select("h1").text()).isEqualTo("Books");
        assertThat(page.select("a[href=/categories/Arts]").text()).isEqualTo("In Arts");
        assertThat(page.select("#podcasts-heading + ul .card h3").eachText())
                .containsExactlyInAnyOrder("Open Shelves", "Paper Trail", "夜读时光");
        assertThat(page.select("#new-heading + ol li > a").eachText()).hasSize(6);

        Document arts = page("/categories/Arts");
        assertThat(arts.select("#subcategories-heading + ul a").eachText()).containsExactly("Books", "Design");
    }

    @Test
    void popularPodcastsAndEpisodesComeFirst() {
        long paper = podcasts.get("Paper Trail");
        long episode = catalogue.episodes(paper, 1).get(0).id();
        for (int i = 0; i < 2; i++) {
            String name = "browse-listener-" + System.nanoTime();
            long user = QuarkusTransaction.requiringNew().call(() -> UserAccount.create(name, "browse-password",
                    UserAccount.ROLE_USER).id);
            interactions.record(new Interaction(user, paper, episode, Interaction.Type.COMPLETE, null, Instant.now()));
        }

        given().get("/api/categories/Books/podcasts?limit=2").then().statusCode(200)
                .body("items[0].title", equalTo("Paper Trail"));
        given().get("/api/categories/Books/episodes/popular").then().statusCode(200)
                .body("items[0].episode.id", equalTo((int) episode)).body("items[0].podcast.title", equalTo("Paper Trail"));
        given().get("/api/languages/en/episodes/popular").then().statusCode(200).body("items[0].episode.id", equalTo((int) episode));
        assertThat(page("/categories/Books").select("#popular-heading + ol li > a").first().text())
                .isEqualTo("The printing press at Mainz");
    }

    @Test
    void newEpisodesAreNewestFirstWithAtMostTwoOfAPodcast() {
        List<String> podcastsOfNew = given().get("/api/categories/Books/episodes/new?limit=10").then().statusCode(200)
                .extract().jsonPath().getList("items.podcast.title", String.class);
        assertThat(podcastsOfNew).containsExactly("Open Shelves", "夜读时光", "Open Shelves", "夜读时光", "Paper Trail",
                "Paper Trail");
    }

    @Test
    void aCategoryAndALanguageNarrowTogether() {
        given().get("/api/categories/Books/podcasts?language=zh").then().statusCode(200)
                .body("items.title", equalTo(List.of("夜读时光")));
        given().get("/api/languages/en/podcasts?category=design").then().statusCode(200)
                .body("items.title", equalTo(List.of("Open Shelves")));
    }

    @Test
    void unknownCategoriesAreNotFoundAndMalformedInputIsRefused() {
        given().get("/api/categories/Knitting").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no category named 'Knitting'."));
        given().get("/categories/Knitting").then().statusCode(404).body(containsString("There is no category named Knitting."));
        given().header("Accept-Language", "zh").get("/categories/Knitting").then().statusCode(404)
                .body(containsString("没有名为“Knitting”的分类。"));
        given().get("/api/categories/Books/podcasts?limit=lots").then().statusCode(400)
                .body("detail", equalTo("limit must be between 1 and 100; it was 'lots'."));
        given().get("/api/categories/Books/episodes/new?limit=0").then().statusCode(400);
        given().get("/api/categories/" + "x".repeat(201)).then().statusCode(400).body("detail", containsString("at most 200"));
        given().get("/api/categories/Books/podcasts?language=not a language").then().statusCode(400)
                .body("detail", containsString("language takes a language code"));
    }

    @Test
    void aNameWithASlashOrAnAmpersandIsOneCategory() {
        given().get("/api/categories/Books/Print").then().statusCode(404)
                .body("detail", equalTo("There is no category named 'Books/Print'."));
        // As a browser follows the link: already encoded.
        given().urlEncodingEnabled(false).get(org.wavelength.web.view.Links.category("Society & Culture")).then().statusCode(404)
                .body(containsString("There is no category named Society &amp; Culture."));
        given().get("/api/categories/Books/podcasts").then().statusCode(200).body("items.size()", equalTo(3));
    }

    // ---- languages ----

    @Test
    void languagesAreSegmentsWithTheirCounts() {
        JsonPath languages = given().get("/api/languages").then().statusCode(200).extract().jsonPath();
        assertThat(languages.getMap("items.find { it.code == 'zh' }")).containsEntry("name", "Chinese")
                .containsEntry("podcasts", 1).containsEntry("link", "/languages/zh");
        long english = BrowseCatalogue.realFeeds() == null ? 2 : 6;
        assertThat(languages.getLong("items.find { it.code == 'en' }.podcasts")).isEqualTo(english);

        assertThat(page("/languages").select("a[href=/languages/zh]").text()).isEqualTo("Chinese");
        assertThat(pageInChinese("/languages").select("a[href=/languages/zh]").text()).isEqualTo("中文");
        Document british = page("/languages/en-GB");
        assertThat(british.select("h1").text()).isEqualTo("English");
        assertThat(british.select("#podcasts-heading + ul .card h3").eachText()).contains("Open Shelves", "Paper Trail");
    }

    @Test
    void unknownOrMalformedLanguagesAreRefused() {
        given().get("/api/languages/de").then().statusCode(404).body("detail", equalTo("There is no language named 'de'."));
        given().get("/languages/de").then().statusCode(404).body(containsString("There is no language named de."));
        given().get("/api/languages/e%21").then().statusCode(400).body("detail", containsString("language takes a language code"));
        given().get("/languages/e%21").then().statusCode(400);
    }

    // ---- links ----

    @Test
    void aPodcastPageLinksItsCategoriesAndLanguage() {
        Document page = page("/podcasts/" + podcasts.get("夜读时光"));
        assertThat(page.select("a[href=/categories/Books]").text()).isEqualTo("Books");
        assertThat(page.select("a[href=/languages/zh]").text()).isEqualTo("Chinese");
        assertThat(pageInChinese("/podcasts/" + podcasts.get("夜读时光")).select("a[href=/languages/zh]").text())
                .isEqualTo("中文");
    }

    @Test
    void everyPageLinksTheDirectoryAndTheHomePageBothWays() {
        assertThat(page("/").select("nav a[href=/categories]").text()).isEqualTo("Browse");
        assertThat(page("/").select("main a[href=/languages]")).isNotEmpty();
        assertThat(pageInChinese("/categories").select("h1").text()).isEqualTo("分类");
    }

    // ---- real feeds ----

    @Test
    void aRealFeedIsListedUnderItsCategoriesWithTheRightCounts() {
        assumeTrue(BrowseCatalogue.realFeeds() != null, "needs the shared data (-Dcorpus.dir)");
        JsonPath fiction = given().get("/api/categories/Fiction").then().statusCode(200).extract().jsonPath();
        assertThat(fiction.getLong("podcasts")).isEqualTo(1);
        assertThat(fiction.getList("subcategories.name")).containsExactly("Drama");
        assertThat(page("/categories/Drama").select("#podcasts-heading + ul .card h3").eachText()).containsExactly("1865");
        // History: 1865 and Paper Trail by iTunes, The Mike Neumann Show by its RSS category
        assertThat(given().get("/api/categories/History").then().statusCode(200).extract().jsonPath().getLong("podcasts"))
                .isEqualTo(3);
    }
}

package org.wavelength.web.answers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.RealFeedsCatalogue;
import org.wavelength.web.support.WebSession;

/**
 * What issue 13 saw go wrong, asked of the chat (retrieval mode), the search and the home page over the
 * fifteen real feeds of the shared data: requests in a language or a category alone, titles as people
 * say them, topic words that look like conditions, unrelated filler, and "New" filled by one show.
 */
@QuarkusTest
@TestProfile(RealFeedsCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswersOnRealFeedsTest {

    /** Podcasts that have nothing to do with bitcoin (a history drama, a game show, music, German comedy, Portuguese news). */
    static final List<String> NOT_ABOUT_BITCOIN = List.of("1865", "Giant Bombcast", "Homegrown Hits", "Baywatch Berlin",
            "Jornal de Notícias - Últimas Notícias");

    private boolean ingested;

    /** Once, in the first test: RestAssured knows the application's port only from then on. */
    @BeforeEach
    void ingest() {
        assumeTrue(RealFeedsCatalogue.feeds() > 0, "Skipped: needs the shared data's real feeds (-Dcorpus.dir)");
        if (!ingested) {
            RealFeedsCatalogue.awaitIngested();
            ingested = true;
        }
    }

    @Test
    void aLanguageAloneListsThatLanguagesPodcasts() {
        JsonPath german = ask("German podcasts");
        assertThat(podcastsOf(german)).containsExactly("Baywatch Berlin");
        assertThat(german.getList("items.podcast.language", String.class)).allSatisfy(l -> assertThat(l).startsWith("de"));

        assertThat(podcastsOf(ask("podcasts in Portuguese"))).containsExactly("Jornal de Notícias - Últimas Notícias");

        JsonPath chinese = ask("一个中文的播客");
        assertThat(chinese.getList("items")).as("any podcast but a Chinese one answers nothing").isEmpty();
        assertThat(chinese.getString("answer")).contains("The catalogue has podcasts in English (").contains("German (1)");
    }

    @Test
    void aCategoryAloneListsThePodcastsFiledUnderIt() {
        JsonPath comedy = ask("recommend me a comedy podcast");
        assertThat(podcastsOf(comedy)).contains("Baywatch Berlin")
                // The news report of a road accident it once cited.
                .doesNotContain("RSS0.92 Example");
    }

    @Test
    void titlesAreFoundByTheNamesPeopleUse() {
        JsonPath typo = ask("something like Taverncst");
        assertThat(typo.getString("answer")).contains("Taverncast").doesNotContain("I found no podcast called");
        assertThat(typo.getList("items")).isNotEmpty();

        JsonPath leadingPart = ask("podcasts like Giant Bomb");
        assertThat(leadingPart.getString("answer")).contains("Giant Bombcast").doesNotContain("I found no podcast called");

        JsonPath onlyOfItsLanguage = ask("podcasts like Jornal de Noticias");
        assertThat(onlyOfItsLanguage.getString("answer")).contains("Jornal de Notícias - Últimas Notícias is the only podcast in Portuguese");
        // Offered from other languages only when on its subject (news); here there may be none, said so.
        List<String> elsewhere = podcastsOf(onlyOfItsLanguage);
        assertThat(elsewhere).doesNotContain("Jornal de Notícias - Últimas Notícias")
                .doesNotContainAnyElementsOf(List.of("1865", "Giant Bombcast", "Homegrown Hits", "Launched"));
        assertThat(onlyOfItsLanguage.getString("answer")).contains(elsewhere.isEmpty()
                ? "and nothing is close to its subject in other languages" : "so these are the closest to its subject in other languages");
    }

    @Test
    void topicWordsThatLookLikeConditionsStayTheTopic() {
        JsonPath music = ask("new music from independent artists");
        assertThat(podcastsOf(music)).contains("Homegrown Hits");
        assertThat(music.getString("answer")).doesNotContain("this week").doesNotContain("without");

        JsonPath history = ask("a brief history of the civil war");
        assertThat(podcastsOf(history)).first().isEqualTo("1865");
        assertThat(history.getString("answer")).doesNotContain("minutes");
    }

    @Test
    void theChatCitesNothingUnrelated() {
        List<String> bitcoin = podcastsOf(ask("bitcoin and the lightning network"));
        assertThat(bitcoin).contains("Changing the Tide").doesNotContainAnyElementsOf(NOT_ABOUT_BITCOIN);

        // English words against Portuguese news: no shared word, and the English model does not read Portuguese.
        JsonPath lincoln = ask("an episode on the assassination of Abraham Lincoln");
        assertThat(podcastsOf(lincoln)).first().isEqualTo("1865");
        assertThat(lincoln.getList("items.podcast.language", String.class)).allSatisfy(l -> assertThat(l).startsWith("en"));

        JsonPath games = ask("something like Giant Bombcast");
        assertThat(games.getString("answer")).doesNotContain("other languages");
        assertThat(podcastsOf(games)).doesNotContain("Giant Bombcast", "1865", "Homegrown Hits", "Baywatch Berlin");
    }

    @Test
    void aRequestCloseToEverythingIsNotPaddedWithGenericEpisodes() {
        // "A daily briefing" is nearer to most episodes than a request on a subject is (a show, a day, news): eight
        // were cited, app makers' interviews and game-show weeks among them, close to it only as all talk shows are.
        JsonPath briefing = ask("a daily briefing");
        assertThat(briefing.getList("items.episode.title", String.class)).doesNotContain("23: Capsicum - Ish ShaBazz",
                "10: Toolbox Pro - Alex Hay", "Giant Bombcast 12/22/2015", "Busy Day");
        assertThat(briefing.getList("items")).hasSizeLessThan(8);
        assertThat(briefing.getString("answer")).contains("the only");
    }

    @Test
    void searchListsOnlyGoodMatches() {
        JsonPath bitcoin = search("bitcoin and the lightning network");
        assertThat(bitcoin.getList("items.podcast.title", String.class)).contains("Changing the Tide")
                .doesNotContainAnyElementsOf(NOT_ABOUT_BITCOIN);

        // Of fifteen podcasts, a few are about games; before the floor, ten of twelve were listed.
        List<String> games = search("video games review").getList("items.podcast.title", String.class);
        assertThat(games).contains("Giant Bombcast");
        assertThat(games.stream().distinct()).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void newOnTheHomePageTakesAtMostTwoEpisodesOfAPodcast() {
        Document home = WebSession.anonymous().page("/");
        List<String> podcastsOfNew = home.select("#new li a[href^=/podcasts/]").eachAttr("href");
        assertThat(podcastsOfNew.stream().distinct()).hasSizeGreaterThan(2);
        Map<String, Long> perPodcast = podcastsOfNew.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(perPodcast).allSatisfy((podcast, count) -> assertThat(count).isLessThanOrEqualTo(2));
    }

    private static JsonPath ask(String message) {
        return given().contentType(ContentType.JSON).body(Map.of("message", message)).post("/api/chat").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath search(String words) {
        return given().queryParam("q", words).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    /** The podcasts an answer cites, in order, each once. */
    private static List<String> podcastsOf(JsonPath reply) {
        return reply.getList("items.podcast.title", String.class).stream().distinct().toList();
    }
}

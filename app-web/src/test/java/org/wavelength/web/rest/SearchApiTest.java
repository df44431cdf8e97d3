package org.wavelength.web.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * Search on three real ingested feeds (one with a transcript), with the real model: keyword and
 * semantic matches, a passage with its start time and link, the filters, and the 400s.
 */
@QuarkusTest
@TestProfile(SearchApiTest.OwnCatalogue.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

    /** The assertions below assume a catalogue of exactly these three feeds. */
    public static class OwnCatalogue implements QuarkusTestProfile {
        /**
         * The relevance floor off (through its settings): these tests check that filters, kinds and limits
         * leave out what they should from every item; what the floor leaves out is AnswersOnRealFeedsTest's.
         */
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("wavelength.search.relevance.percentile", "0",
                    "wavelength.search.relevance.keyword-coverage", "0");
        }
    }

    /** Ada talks long enough (over a quarter of a passage) that Charles's turn starts a passage of its own. */
    static final String VTT = """
            WEBVTT

            00:00:00.000 --> 00:00:30.000
            <v Ada>Welcome to Engines of Thought. Today we look back at the nineteenth century, when a few \
            stubborn people in London tried to build machines that could calculate tables without the errors \
            of human computers, and we ask what they got right, what they got wrong, and why it took more than \
            a hundred years before anybody finished the job they had started with such confidence and so little money.

            00:12:34.000 --> 00:12:50.000
            <v Charles>The mill of the engine reads its instructions from punched cards borrowed from the Jacquard loom.
            """;

    FeedServer server;

    String feed(String title, String language, String category, boolean explicit, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0">
                  <channel>
                    <title>%s</title>
                    <language>%s</language>
                    <description>%s</description>
                    <itunes:category text="%s"/>
                    <itunes:explicit>%s</itunes:explicit>
                    %s
                  </channel>
                </rss>""".formatted(title, language, title, category, explicit, items);
    }

    static String item(String guid, String title, String description, String date, String duration, String extra) {
        return """
                <item>
                  <title>%s</title>
                  <guid>%s</guid>
                  <description>%s</description>
                  <enclosure url="https://cdn.example/%s.mp3" type="audio/mpeg" length="1"/>
                  <pubDate>%s</pubDate>
                  <itunes:duration>%s</itunes:duration>
                  %s
                </item>""".formatted(title, guid, description, guid, date, duration, extra);
    }

    @BeforeEach
    void ingest() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        server.serve("/engine.vtt", "text/vtt", VTT);
        Api.addFeedAndWait(server.serve("/engines.xml", "application/rss+xml", feed("Engines of Thought", "en",
                "Technology", false, item("engine-1", "The Analytical Engine",
                        "Charles Babbage designs a mechanical general-purpose computer and Ada Lovelace writes the first "
                                + "program. Also: the tale of brass difference engine number 4417, found in a Lisbon pawnshop.",
                        "Mon, 01 Jan 2024 10:00:00 GMT", "25:00",
                        "<podcast:transcript url=\"" + server.url("/engine.vtt") + "\" type=\"text/vtt\"/>"))));
        Api.addFeedAndWait(server.serve("/crumb.xml", "application/rss+xml", feed("Crumb and Crust", "en-GB", "Food",
                true, item("crumb-1", "Feeding your starter",
                        "Flour, water and patience: a sourdough culture needs feeding every day.",
                        "Sat, 01 Jun 2024 08:00:00 GMT", "20:00", ""))));
        Api.addFeedAndWait(server.serve("/maschinen.xml", "application/rss+xml", feed("Rechenmaschinen", "de",
                "Technology", false, item("maschine-1", "Die Analytische Maschine",
                        "Babbage und Lovelace und die Lochkarten der ersten Rechenmaschine.",
                        "Mon, 01 May 2023 10:00:00 GMT", "1:10:00", ""))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static JsonPath search(String query) {
        return given().get("/api/search?" + query).then().statusCode(200).extract().jsonPath();
    }

    /** Podcast titles, and episode titles for episodes and passages. */
    static List<String> titles(JsonPath result) {
        List<Map<String, Object>> items = result.getList("items");
        return items.stream().map(item -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> episode = (Map<String, Object>) item.get("episode");
            @SuppressWarnings("unchecked")
            Map<String, Object> podcast = (Map<String, Object>) item.get("podcast");
            return item.get("type") + ":" + (episode == null ? podcast.get("title") : episode.get("title"));
        }).toList();
    }

    @Test
    void anEpisodeIsFoundByWordsOnlyInItsDescription() {
        // A number means nothing to the model: only the keyword ranking can put this episode first.
        JsonPath result = search("q=4417&type=episode");
        assertThat(titles(result).get(0)).isEqualTo("episode:The Analytical Engine");
        assertThat(result.getString("items[0].episode.description")).contains("number 4417");
        assertThat(titles(search("q=Lisbon pawnshop&type=episode")).get(0)).isEqualTo("episode:The Analytical Engine");
        assertThat(result.getString("items[0].podcast.title")).isEqualTo("Engines of Thought");
        assertThat(result.getMap("items[0]")).doesNotContainKeys("passage", "link");
    }

    @Test
    void anEpisodeIsFoundByMeaningWithoutAnyOfItsWords() {
        String query = "looking after wild yeast so loaves rise";
        JsonPath result = search("q=" + query + "&type=episode");
        assertThat(titles(result).get(0)).isEqualTo("episode:Feeding your starter");
        String text = (result.getString("items[0].episode.title") + " " + result.getString("items[0].podcast.title")
                + " " + result.getString("items[0].episode.description")).toLowerCase(Locale.ROOT);
        assertThat(Arrays.stream(query.split(" "))).noneMatch(word -> text.matches(".*\\b" + word + "\\b.*"));
    }

    @Test
    void aPassageComesWithItsStartTimeAndALinkToThatMoment() {
        JsonPath result = search("q=Jacquard loom punched cards&type=passage&limit=1");
        assertThat(result.getList("items")).hasSize(1);
        assertThat(result.getString("items[0].type")).isEqualTo("passage");
        assertThat(result.getString("items[0].passage.text")).contains("Jacquard loom");
        assertThat(result.getString("items[0].passage.speaker")).isEqualTo("Charles");
        assertThat(result.getDouble("items[0].passage.start")).isEqualTo(754.0);
        assertThat(result.getDouble("items[0].passage.end")).isEqualTo(770.0);
        long episodeId = result.getLong("items[0].episode.id");
        assertThat(result.getString("items[0].link")).isEqualTo("/episodes/" + episodeId + "?t=754");
        assertThat(result.getString("items[0].episode.title")).isEqualTo("The Analytical Engine");
        assertThat(result.getDouble("items[0].score")).isPositive();
    }

    @Test
    void aRememberedQuoteFindsItsPassageFirstAmongAllKinds() {
        JsonPath result = search("q=stubborn people in London tried to build machines&limit=3");
        assertThat(result.getString("items[0].type")).isEqualTo("passage");
        assertThat(result.getString("items[0].passage.speaker")).isEqualTo("Ada");
        assertThat(result.getDouble("items[0].passage.start")).isEqualTo(0.0);
        assertThat(result.getString("items[0].link")).endsWith("?t=0");
    }

    @Test
    void withoutATypeAllKindsAreMixed() {
        List<String> kinds = search("q=Babbage&limit=50").getList("items.type");
        assertThat(kinds).contains("podcast", "episode", "passage");
        assertThat(search("q=Babbage&type=podcast&type=passage&limit=50").getList("items.type", String.class))
                .containsOnly("podcast", "passage");
        assertThat(search("q=Babbage&type=podcast,EPISODE&limit=50").getList("items.type", String.class))
                .containsOnly("podcast", "episode");
    }

    @Test
    void filtersLeaveOutWhatTheyShould() {
        // The catalogue is small enough that the semantic ranking holds every item: without a filter, all come back.
        assertThat(titles(search("q=history&limit=50"))).containsExactlyInAnyOrder(
                "podcast:Engines of Thought", "episode:The Analytical Engine", "passage:The Analytical Engine",
                "passage:The Analytical Engine", "podcast:Crumb and Crust", "episode:Feeding your starter",
                "podcast:Rechenmaschinen", "episode:Die Analytische Maschine");

        assertThat(titles(search("q=history&limit=50&category=Food")))
                .containsExactlyInAnyOrder("podcast:Crumb and Crust", "episode:Feeding your starter");
        assertThat(titles(search("q=history&limit=50&category=Food&category=Technology"))).hasSize(8);
        assertThat(titles(search("q=history&limit=50&explicit=false"))).hasSize(6)
                .doesNotContain("podcast:Crumb and Crust", "episode:Feeding your starter");
        assertThat(titles(search("q=history&limit=50&explicit=true")))
                .containsExactlyInAnyOrder("podcast:Crumb and Crust", "episode:Feeding your starter");
        // en finds en-GB too; de is a segment of its own
        assertThat(titles(search("q=history&limit=50&language=en"))).hasSize(6)
                .doesNotContain("podcast:Rechenmaschinen", "episode:Die Analytische Maschine");
        assertThat(titles(search("q=history&limit=50&language=de-DE")))
                .containsExactlyInAnyOrder("podcast:Rechenmaschinen", "episode:Die Analytische Maschine");
        assertThat(titles(search("q=history&limit=50&language=fr"))).isEmpty();
        // durations in minutes; podcasts have none and are left out
        assertThat(titles(search("q=history&limit=50&minDuration=60")))
                .containsExactly("episode:Die Analytische Maschine");
        assertThat(titles(search("q=history&limit=50&maxDuration=22")))
                .containsExactly("episode:Feeding your starter");
        assertThat(titles(search("q=history&limit=50&minDuration=25&maxDuration=25"))).containsExactlyInAnyOrder(
                "episode:The Analytical Engine", "passage:The Analytical Engine", "passage:The Analytical Engine");
        assertThat(titles(search("q=history&limit=50&publishedAfter=2024-01-02")))
                .containsExactly("episode:Feeding your starter");
        assertThat(titles(search("q=history&limit=50&publishedAfter=2024-01-01T10:00:00Z&type=episode")))
                .containsExactlyInAnyOrder("episode:The Analytical Engine", "episode:Feeding your starter");
    }

    @Test
    void theLimitCutsTheResults() {
        assertThat(search("q=history").getList("items")).hasSize(8); // default 20
        assertThat(search("q=history&limit=3").getList("items")).hasSize(3);
    }

    @Test
    void badParametersAreExplained() {
        badRequest("type=podcast", "q is missing");
        given().queryParam("q", "  ").get("/api/search").then().statusCode(400)
                .body("detail", equalTo("Say what to search for: q is missing or blank."));
        badRequest("q=x&type=song", "type must be one of podcast, episode, passage; it was 'song'");
        badRequest("q=x&limit=0", "limit must be between 1 and 50");
        badRequest("q=x&limit=51", "limit must be between 1 and 50");
        badRequest("q=x&limit=ten", "limit must be between 1 and 50");
        badRequest("q=x&publishedAfter=yesterday", "publishedAfter takes an ISO date");
        badRequest("q=x&publishedAfter=2024-02-30", "publishedAfter takes an ISO date");
        badRequest("q=x&minDuration=-5", "minDuration is a whole number of minutes");
        badRequest("q=x&maxDuration=1.5", "maxDuration is a whole number of minutes");
        badRequest("q=x&minDuration=30&maxDuration=10", "minDuration (30) is more than maxDuration (10)");
        badRequest("q=x&explicit=maybe", "explicit is true or false");
        badRequest("q=x&language=english!", "language takes a language code");
        badRequest("q=" + "x".repeat(1001), "q is at most 1000 characters");
    }

    @Test
    void theParametersAreDocumented() {
        String openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(openApi).contains("/api/search", "minDuration",
                "at least this many minutes", "publishedAfter", "podcast, episode or passage");
    }

    static void badRequest(String query, String detail) {
        given().get("/api/search?" + query).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString(detail));
    }
}

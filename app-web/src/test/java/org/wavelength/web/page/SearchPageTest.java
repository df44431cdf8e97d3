package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/** The search page on a feed with a transcript: hits by kind, a passage's deep link, the filters, bad input. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageTest {

    static final String VTT = """
            WEBVTT

            00:00:00.000 --> 00:00:30.000
            <v Grace>Welcome to Compiler Corner. Today we look back at how the first compilers turned \
            readable words into machine instructions, long before anybody believed a program could write another \
            program, and at the people who had to convince their managers, their colleagues and their own \
            doubting selves that automatic programming was more than a toy, through years of slow machines, \
            scarce memory, punched paper tape and meetings where nobody believed a word of it.

            00:12:34.000 --> 00:12:50.000
            <v Jean>The navy's ballistics tables were computed by hand until the machine took over the night shift.
            """;

    FeedServer server;

    @BeforeEach
    void ingest() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        server.serve("/compilers.vtt", "text/vtt", VTT);
        Api.addFeedAndWait(server.serve("/compilers.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0">
                  <channel>
                    <title>Compiler Corner</title>
                    <language>en</language>
                    <description>The history of programming languages.</description>
                    <itunes:category text="Technology"/>
                    <item>
                      <title>The first compiler and the A-0 system</title>
                      <guid>compiler-1</guid>
                      <description>How the A-0 system of 1952 and catalogue number 8831 changed programming.</description>
                      <enclosure url="https://cdn.example/compiler-1.mp3" type="audio/mpeg" length="1"/>
                      <pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
                      <itunes:duration>40:00</itunes:duration>
                      <podcast:transcript url="%s" type="text/vtt"/>
                    </item>
                  </channel>
                </rss>""".formatted(server.url("/compilers.vtt"))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Document search(String query) {
        return Jsoup.parse(given().get("/search" + query).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString());
    }

    @Test
    void theFirstVisitShowsALabelledGetForm() {
        Document page = search("");
        Element form = page.selectFirst("form[role=search]");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/search");
        for (Element input : form.select("input, select")) {
            assertThat(page.select("label[for=" + input.id() + "]")).as("label of " + input.attr("name")).hasSize(1);
        }
        assertThat(form.select("[name]")).extracting(e -> e.attr("name"))
                .contains("q", "type", "language", "category", "minDuration", "maxDuration", "explicit");
        assertThat(page.select("#results-heading, p.error")).isEmpty();
    }

    @Test
    void withHtmxTheFormReplacesOnlyTheResultsAndTheAddressFollows() {
        Document page = search("");
        Element form = page.selectFirst("form[role=search]");
        assertThat(form.attr("hx-get")).isEqualTo(form.attr("action"));
        assertThat(form.attr("hx-push-url")).isEqualTo("true");
        assertThat(form.attr("hx-select")).isEqualTo(form.attr("hx-target"));
        assertThat(page.select(form.attr("hx-target"))).as("the results region is there before the first search").hasSize(1);

        // The server answers htmx with the same whole page (htmx picks the results out of it): a
        // bookmarked or reloaded address shows the same.
        String plain = given().get("/search?q=8831&type=episode").then().statusCode(200).extract().asString();
        String htmx = given().header("HX-Request", "true").get("/search?q=8831&type=episode").then().statusCode(200)
                .extract().asString();
        for (String answer : List.of(plain, htmx)) {
            Document full = Jsoup.parse(answer);
            assertThat(full.select("header.site, h1, form[role=search]")).hasSize(3);
            assertThat(full.select(form.attr("hx-select") + " li.hit-episode a").eachText())
                    .contains("The first compiler and the A-0 system");
            // What htmx puts into the status region that stays in the page: how many hits there are.
            int hits = full.select(form.attr("hx-select") + " li.hit").size();
            assertThat(form.attr("hx-select-oob")).startsWith("#search-status");
            assertThat(full.selectFirst("#search-status[role=status]").text())
                    .isEqualTo(hits + (hits == 1 ? " result." : " results."));
        }
    }

    @Test
    void anEpisodeHitLinksToItsPage() {
        Document page = search("?q=8831&type=episode");
        List<Element> hits = page.select("li.hit-episode");
        assertThat(hits).isNotEmpty();
        Element first = hits.get(0).selectFirst("a");
        assertThat(first.text()).isEqualTo("The first compiler and the A-0 system");
        assertThat(first.attr("href")).matches("/episodes/\\d+");
        assertThat(page.select("li.hit-passage, li.hit-podcast")).isEmpty();
        // The form shows what was asked.
        assertThat(page.selectFirst("input[name=q]").val()).isEqualTo("8831");
        assertThat(page.selectFirst("select[name=type] option[selected]").val()).isEqualTo("episode");
    }

    @Test
    void aPassageHitShowsItsTextSpeakerAndTimeAndLinksToThatMoment() {
        Document page = search("?q=ballistics tables computed by hand&type=passage");
        Element hit = page.select("li.hit-passage").stream()
                .filter(li -> li.selectFirst("blockquote").text().contains("ballistics")).findFirst().orElse(null);
        assertThat(hit).isNotNull();
        Element link = hit.selectFirst("a");
        String episodePage = given().get("/search?q=8831&type=episode").then().extract().asString();
        String episodeHref = Jsoup.parse(episodePage).selectFirst("li.hit-episode a").attr("href");
        assertThat(link.attr("href")).isEqualTo(episodeHref + "?t=754");
        assertThat(link.text()).contains("12:34");
        assertThat(hit.selectFirst("blockquote").text()).contains("ballistics tables");
        assertThat(hit.text()).contains("Jean speaking");
    }

    @Test
    void aHitShowsTheWordsItMatchedMarked() {
        Element episode = search("?q=8831 catalogue&type=episode").selectFirst("li.hit-episode");
        assertThat(episode.select(".why mark").eachText()).as("the description around its matched words")
                .contains("8831", "catalogue");
        assertThat(episode.selectFirst(".why").text()).contains("How the A-0 system of 1952 and catalogue number 8831");

        Element passage = search("?q=ballistics tables computed by hand&type=passage").select("li.hit-passage").stream()
                .filter(li -> li.selectFirst("blockquote").text().contains("ballistics")).findFirst().orElseThrow();
        assertThat(passage.select("blockquote mark").eachText()).contains("ballistics", "tables", "computed", "hand")
                .doesNotContain("navy's", "machine");

        Element podcast = search("?q=compiler corner&type=podcast").selectFirst("li.hit-podcast");
        assertThat(podcast.select("a mark").eachText()).containsExactly("Compiler", "Corner");
    }

    @Test
    void fewerGoodMatchesThanAPageHoldsAreCounted() {
        Document page = search("?q=ballistics tables computed by hand&type=passage");
        int hits = page.select("li.hit").size();
        assertThat(hits).isBetween(1, Integer.parseInt(SearchPage.RESULTS) - 1);
        assertThat(page.selectFirst("p.only-good").text())
                .isEqualTo("Only " + hits + " good " + (hits == 1 ? "match." : "matches."));
        assertThat(page.text()).doesNotContain("Nothing matched");

        Document none = search("?q=compiler&language=fr");
        assertThat(none.select("p.only-good")).isEmpty();
    }

    @Test
    void withoutAKindHitsAreGroupedUnderHeadings() {
        Document page = search("?q=compilers history");
        assertThat(page.select("section h3")).extracting(Element::text).containsAnyOf("Podcasts", "Episodes",
                "Transcript passages");
        assertThat(page.select("li.hit .kind")).isNotEmpty();
    }

    @Test
    void badInputIsAMessageOnThePageNotAnError() {
        assertThat(search("?q=").selectFirst("p.error[role=alert]").text()).contains("q is missing or blank");
        assertThat(search("?q=compiler&minDuration=long").selectFirst("p.error").text())
                .contains("minDuration is a whole number of minutes");
        assertThat(search("?q=compiler&minDuration=30&maxDuration=10").selectFirst("p.error").text())
                .contains("minDuration (30) is more than maxDuration (10)");
        assertThat(search("?q=compiler&type=song").selectFirst("p.error").text()).contains("type must be one of");
        assertThat(search("?q=compiler&language=english!").selectFirst("p.error").text()).contains("is not a language code");
        assertThat(search("?q=compiler&explicit=maybe").selectFirst("p.error").text()).contains("explicit is true or false");
        assertThat(search("?q=" + "a".repeat(1001)).selectFirst("p.error").text()).contains("at most 1000 characters");
        // The bad value stays in the form to be corrected.
        assertThat(search("?q=compiler&minDuration=long").selectFirst("input[name=minDuration]").val()).isEqualTo("long");
    }

    @Test
    void noHitsSaysSo() {
        Document page = search("?q=compiler&language=fr");
        assertThat(page.selectFirst("#results-heading")).isNotNull();
        assertThat(page.select("li.hit")).isEmpty();
        assertThat(page.text()).contains("Nothing matched");
    }
}

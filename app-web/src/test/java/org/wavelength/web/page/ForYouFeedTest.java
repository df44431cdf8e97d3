package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;
import org.wavelength.web.support.WebSession;

/** The listener's "For you" podcast feed: made on /me, read by any app (gpodder's parser here), conditional. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForYouFeedTest {

    static final String PASSWORD = "for-you-password";
    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    /** What a feed's title may hold: markup, ampersands, quotes, the end of a CDATA section. */
    static final String ODD_TITLE = "Q&A <b>\"Stars\"</b> & 'planets' ]]> <!-- not a comment -->";

    FeedServer server;
    final Map<String, Long> episodes = new HashMap<>();
    int listeners;

    @BeforeEach
    void ingest() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        List<String> urls = new ArrayList<>();
        for (String fixture : List.of("night-sky.xml", "weeknight-kitchen.xml", "final-whistle.xml")) {
            urls.add(server.serveWithRecentDates(fixture));
        }
        urls.add(server.serve("/odd.xml", "application/rss+xml", oddFeed()));
        for (String url : urls) {
            long feedId = Api.addFeedAndWait(url);
            long podcastId = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().body("status", equalTo("OK"))
                    .extract().jsonPath().getLong("podcastId");
            JsonPath list = given().get("/api/podcasts/" + podcastId + "/episodes").then().extract().jsonPath();
            List<String> titles = list.getList("items.title");
            for (int i = 0; i < titles.size(); i++) {
                episodes.put(titles.get(i), list.getLong("items[" + i + "].id"));
            }
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static String oddFeed() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1));
        String escaped = ODD_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:itunes=\""
                + ITUNES + "\"><channel><title>" + escaped + "</title><link>https://odd.example/</link><language>en</language>"
                + "<description>Astronomy questions: planets, stars, moons and telescopes.</description>");
        for (int i = 1; i <= 3; i++) {
            xml.append("<item><title>").append(escaped).append(" #").append(i).append("</title><guid>odd-").append(i)
                    .append("</guid><description>Jupiter, its moons and the planets seen through a telescope, question ")
                    .append(i).append(".</description><enclosure url=\"https://odd.example/").append(i)
                    .append(".m4a?a=1&amp;b=2\" type=\"audio/x-m4a\" length=\"1234567").append(i).append("\"/><pubDate>")
                    .append(date).append("</pubDate><itunes:duration>1:02:0").append(i).append("</itunes:duration></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    record Listener(String name, WebSession browser) {

        RequestSpecification api() {
            return given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON);
        }

        void did(String type, long episodeId) {
            api().body("{\"episodeId\":" + episodeId + ",\"type\":\"" + type + "\"}").post("/api/me/interactions")
                    .then().statusCode(201);
        }

        /** Makes (or renews) the feed's address with /me's form, as a person does; returns it. */
        String makeFeedAddress() {
            Document me = browser.page("/me");
            browser.request().formParam("csrf-token", WebSession.csrf(me, "form[action=/me/for-you-feed]"))
                    .post("/me/for-you-feed").then().statusCode(303);
            String address = browser.page("/me").select("input#for-you-feed-address").attr("value");
            assertThat(address).matches("http://localhost:\\d+/feeds/for-you/[A-Za-z0-9_-]{43}\\.xml");
            return address;
        }
    }

    Listener newListener() {
        String name = "for-you-" + ++listeners + "-" + System.nanoTime() % 100_000;
        WebSession.createListener(name, PASSWORD);
        return new Listener(name, WebSession.signedIn(name, PASSWORD));
    }

    /** A listener who liked two astronomy episodes, heard one, disliked one and dismissed one. */
    Listener astronomyListener() {
        Listener listener = newListener();
        listener.did("LIKE", episodes.get("Jupiter's moons through a backyard telescope"));
        listener.did("LIKE", episodes.get(ODD_TITLE + " #1"));
        listener.did("COMPLETE", episodes.get("How black holes bend light"));
        listener.did("DISLIKE", episodes.get("Meteor showers: when and where to look up"));
        listener.did("NOT_INTERESTED", episodes.get(ODD_TITLE + " #2"));
        return listener;
    }

    static String path(String address) {
        return address.replaceFirst("^http://localhost:\\d+", "");
    }

    @Test
    void theFeedIsTheListenersRecommendationsAsRssWithTheItunesTags() throws Exception {
        Listener listener = astronomyListener();
        String address = listener.makeFeedAddress();
        Response feed = given().get(path(address));
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("application/rss+xml");
        List<Map<String, Object>> recommended = listener.api().get("/api/me/recommendations?limit=30").then().statusCode(200)
                .extract().jsonPath().getList("items");

        org.w3c.dom.Document rss = parse(feed.asByteArray());
        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertThat(child(channel, null, "title")).isEqualTo("For you, on Wavelength");
        assertThat(child(channel, null, "description")).contains("recommends for you");
        assertThat(child(channel, null, "link")).startsWith("http://localhost:");
        assertThat(child(channel, null, "language")).isEqualTo("en");
        assertThat(child(channel, ITUNES, "author")).isEqualTo("Wavelength");
        assertThat(child(channel, ITUNES, "explicit")).isEqualTo("false");
        Element category = (Element) channel.getElementsByTagNameNS(ITUNES, "category").item(0);
        assertThat(category.getAttribute("text")).isEqualTo("Leisure");
        String image = ((Element) channel.getElementsByTagNameNS(ITUNES, "image").item(0)).getAttribute("href");
        assertThat(child((Element) channel.getElementsByTagName("image").item(0), null, "url")).isEqualTo(image);
        given().get(path(image)).then().statusCode(200).contentType("image/png");

        NodeList items = channel.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(recommended.size()).isGreaterThan(2);
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            Map<String, Object> expected = recommended.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> episode = (Map<String, Object>) expected.get("episode");
            assertThat(child(item, null, "title")).isEqualTo(episode.get("title"));
            Element guid = (Element) item.getElementsByTagName("guid").item(0);
            assertThat(guid.getTextContent()).isEqualTo("wavelength-episode-" + episode.get("id"));
            assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
            // HTML, as RSS descriptions are: its text is the reason, then the episode's notes.
            assertThat(org.jsoup.Jsoup.parse(child(item, null, "description")).text()).startsWith(expected.get("reason") + ".");
            Element enclosure = (Element) item.getElementsByTagName("enclosure").item(0);
            assertThat(enclosure.getAttribute("url")).isEqualTo(episode.get("audioUrl"));
            // Known ones only: the suite's other feeds have episodes without a duration or a date, and none is made up.
            if (episode.get("durationSeconds") != null) {
                assertThat(child(item, ITUNES, "duration")).isNotEmpty();
            }
            if (episode.get("publishedAt") != null) {
                assertThat(child(item, null, "pubDate")).isNotEmpty();
            }
        }
        // Nothing heard, disliked or dismissed; the odd title comes through exactly, escaped and parsed back.
        List<String> guids = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            guids.add(((Element) items.item(i)).getElementsByTagName("guid").item(0).getTextContent());
        }
        assertThat(guids).doesNotContain(List.of("How black holes bend light", "Meteor showers: when and where to look up",
                ODD_TITLE + " #2", "Jupiter's moons through a backyard telescope").stream()
                .map(title -> "wavelength-episode-" + episodes.get(title)).toArray(String[]::new));
        assertThat(recommended.stream().map(r -> (String) ((Map<?, ?>) r.get("episode")).get("title")))
                .contains(ODD_TITLE + " #3");
        assertThat(recommended.stream().map(r -> (String) r.get("reason"))).anyMatch(r -> r.startsWith("Because you liked"));
    }

    @Test
    void conditionalGetAnswers304UntilTheRecommendationsChange() {
        Listener listener = astronomyListener();
        String feed = path(listener.makeFeedAddress());
        Response first = given().get(feed);
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        given().header("If-None-Match", etag).get(feed).then().statusCode(304).header("ETag", etag);
        given().header("If-Modified-Since", lastModified).get(feed).then().statusCode(304);
        Response again = given().get(feed);
        assertThat(again.asString()).isEqualTo(first.asString());

        // The listener dislikes the first item: it leaves the feed, whose validators change.
        String firstItem = org.jsoup.Jsoup.parse(first.asString(), "", org.jsoup.parser.Parser.xmlParser())
                .selectFirst("item > guid").text().replace("wavelength-episode-", "");
        listener.did("DISLIKE", Long.parseLong(firstItem));
        Response changed = given().header("If-None-Match", etag).get(feed);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.asString()).doesNotContain("<guid isPermaLink=\"false\">wavelength-episode-" + firstItem + "</guid>");
    }

    @Test
    void aReplacedOrTurnedOffAddressIsA404ThatSaysNothing() {
        Listener listener = astronomyListener();
        String old = path(listener.makeFeedAddress());
        String renewed = path(listener.makeFeedAddress());
        assertThat(renewed).isNotEqualTo(old);
        Response refused = given().get(old);
        assertThat(refused.statusCode()).isEqualTo(404);
        given().get(renewed).then().statusCode(200);
        String unknown = given().get("/feeds/for-you/" + "A".repeat(43) + ".xml").then().statusCode(404).extract().asString();
        String malformed = given().get("/feeds/for-you/short.xml").then().statusCode(404).extract().asString();
        assertThat(refused.asString()).isEqualTo(unknown).isEqualTo(malformed);

        Document me = listener.browser().page("/me");
        listener.browser().request().formParam("csrf-token", WebSession.csrf(me, "form[action=/me/for-you-feed/off]"))
                .post("/me/for-you-feed/off").then().statusCode(303);
        given().get(renewed).then().statusCode(404);
        assertThat(listener.browser().page("/me").select("input#for-you-feed-address")).isEmpty();
        // Without the form's CSRF token, no address is made.
        listener.browser().request().post("/me/for-you-feed").then().statusCode(400);
        assertThat(listener.browser().page("/me").select("input#for-you-feed-address")).isEmpty();
    }

    @Test
    void theProfilePageOffersTheAddressToCopyAndToOpenInAnApp() {
        Listener listener = astronomyListener();
        String address = listener.makeFeedAddress();
        Document me = listener.browser().page("/me");
        assertThat(me.select("a.subscribe-in-app").attr("href")).isEqualTo(address.replaceFirst("^http://", "podcast://"));
        assertThat(me.select("button.copy[data-copy=for-you-feed-address]")).hasSize(1);
    }

    /** gpodder's own parser (Debian's python3-podcastparser) reads every field. */
    @Test
    void podcastparserReadsEveryField() throws Exception {
        String python = pythonWithPodcastparser();
        Listener listener = astronomyListener();
        String address = listener.makeFeedAddress();
        byte[] feed = given().get(path(address)).then().statusCode(200).extract().asByteArray();
        List<Map<String, Object>> recommended = listener.api().get("/api/me/recommendations?limit=30").then().statusCode(200)
                .extract().jsonPath().getList("items");

        Path file = Files.createTempFile("for-you", ".xml");
        Files.write(file, feed);
        Process process = new ProcessBuilder(python, "-c", "import json, sys, podcastparser\n"
                + "with open(sys.argv[1], 'rb') as f:\n"
                + "    print(json.dumps(podcastparser.parse(sys.argv[2], f)))", file.toString(), address)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        JsonNode parsed = new ObjectMapper().readTree(out);

        assertThat(parsed.path("title").asText()).isEqualTo("For you, on Wavelength");
        assertThat(parsed.path("description").asText()).contains("recommends for you");
        assertThat(parsed.path("cover_url").asText()).endsWith("/img/for-you.png");
        assertThat(parsed.path("link").asText()).startsWith("http://localhost:");
        JsonNode parsedEpisodes = parsed.path("episodes");
        assertThat(parsedEpisodes.size()).isEqualTo(recommended.size()).isGreaterThan(2);
        Map<String, JsonNode> byGuid = new HashMap<>();
        parsedEpisodes.forEach(e -> byGuid.put(e.path("guid").asText(), e));
        for (Map<String, Object> expected : recommended) {
            @SuppressWarnings("unchecked")
            Map<String, Object> episode = (Map<String, Object>) expected.get("episode");
            JsonNode e = byGuid.get("wavelength-episode-" + episode.get("id"));
            assertThat(e).as("episode " + episode.get("title")).isNotNull();
            assertThat(e.path("title").asText()).isEqualTo(episode.get("title"));
            assertThat(e.path("description").asText().strip()).startsWith(expected.get("reason") + ".");
            if (episode.get("durationSeconds") != null) {
                assertThat(e.path("total_time").asInt()).isEqualTo(episode.get("durationSeconds"));
            }
            if (episode.get("publishedAt") != null) {
                assertThat(e.path("published").asLong()).isEqualTo(Instant.parse((String) episode.get("publishedAt")).getEpochSecond());
            }
            JsonNode enclosure = e.path("enclosures").get(0);
            assertThat(enclosure.path("url").asText()).isEqualTo(episode.get("audioUrl"));
            boolean odd = ((String) episode.get("title")).startsWith(ODD_TITLE);
            // Exact for this test's own odd episodes; other tests' feeds (the suite shares one catalogue) have their own.
            if (odd) {
                assertThat(enclosure.path("mime_type").asText()).isEqualTo("audio/x-m4a");
                assertThat(enclosure.path("file_size").asLong())
                        .isEqualTo(Long.parseLong("1234567" + ((String) episode.get("title")).substring(ODD_TITLE.length() + 2)));
            } else {
                assertThat(enclosure.path("mime_type").asText()).startsWith("audio/");
                assertThat(enclosure.path("file_size").asLong()).isPositive();
            }
        }
    }

    /** Debian's python3 first (another on the PATH may lack Debian's packages); skipped when none has podcastparser. */
    static String pythonWithPodcastparser() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process check = new ProcessBuilder(candidate, "-c", "import podcastparser").redirectErrorStream(true).start();
                check.getInputStream().readAllBytes();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return candidate;
                }
            } catch (Exception e) {
                // not this one
            }
        }
        Assumptions.abort("python3 with podcastparser (Debian: python3-podcastparser) is not installed");
        return null;
    }

    static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The text of an element's first direct child of that name. */
    static String child(Element parent, String namespace, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getLocalName().equals(name)
                    && (namespace == null ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
                return e.getTextContent();
            }
        }
        return null;
    }
}

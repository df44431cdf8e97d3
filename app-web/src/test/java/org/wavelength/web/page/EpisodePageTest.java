package org.wavelength.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.support.WebSession;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;

/**
 * The episode and podcast pages as a browser uses them, on a feed served over HTTP whose show notes
 * try to run script: player with a start time, sanitised notes, chapters and transcript with
 * timestamp links, similar episodes, one-click verdicts, the player's events, subscriptions.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EpisodePageTest {

    static final String PASSWORD = "page-listener-password";
    static final AtomicInteger listeners = new AtomicInteger();

    static final String ENGINE = "The Analytical Engine, in brass and cards";
    static final String TABLES = "Difference engines and the errors of printed tables";
    static final String LOOMS = "Punched cards: from silk looms to census machines";

    static final String VTT = """
            WEBVTT

            00:00:00.000 --> 00:00:20.000
            <v Ada>Welcome to Brass Computing, where we look at calculating machines before electricity.

            00:12:34.000 --> 00:12:50.000
            <v Charles>The mill reads its instructions from punched cards borrowed from the Jacquard loom.
            """;

    static final String CHAPTERS = """
            {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Welcome"},
             {"startTime": 754.6, "title": "The mill and the store"}]}""";

    /** Show notes written to attack the page: none of the script may survive. */
    static final String HOSTILE_NOTES = "<p>Notes with <b>bold</b> and <a href=\"https://example.org/ada\">a link</a>.</p>"
            + "<script>alert('feed')</script><img src=\"https://example.org/x.png\" onerror=\"alert('img')\">"
            + "<p onclick=\"alert('click')\" style=\"color:red\">Clickable</p><iframe src=\"https://evil.example/\"></iframe>";

    @Inject
    InteractionStore interactions;

    FeedServer server;
    long podcastId;
    final Map<String, Long> episodes = new HashMap<>();

    @BeforeEach
    void ingest() {
        if (server != null) {
            return;
        }
        server = FeedServer.start();
        server.serve("/brass.vtt", "text/vtt", VTT);
        server.serve("/brass-chapters.json", "application/json+chapters", CHAPTERS);
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0">
                  <channel>
                    <title>Brass Computing</title>
                    <language>en</language>
                    <description>Calculating machines before electricity.</description>
                    <itunes:category text="Technology"/>
                    %s
                    %s
                    %s
                  </channel>
                </rss>""".formatted(
                item("brass-1", ENGINE, "<![CDATA[" + HOSTILE_NOTES + "]]>", "Mon, 01 Jan 2024 10:00:00 GMT",
                        "<podcast:transcript url=\"" + server.url("/brass.vtt") + "\" type=\"text/vtt\"/>"
                                + "<podcast:chapters url=\"" + server.url("/brass-chapters.json")
                                + "\" type=\"application/json+chapters\"/>"),
                item("brass-2", TABLES, "Babbage and the mistakes in logarithm tables that his engines would remove.",
                        "Mon, 08 Jan 2024 10:00:00 GMT", ""),
                item("brass-3", LOOMS, "Jacquard's punched cards, Hollerith's census machines and the computer.",
                        "Mon, 15 Jan 2024 10:00:00 GMT", ""));
        long feedId = Api.addFeedAndWait(server.serve("/brass.xml", "application/rss+xml", feed));
        podcastId = Api.asAdmin().get("/api/admin/feeds/" + feedId).then().statusCode(200)
                .body("status", equalTo("OK")).extract().jsonPath().getLong("podcastId");
        JsonPath list = given().get("/api/podcasts/" + podcastId + "/episodes").then().statusCode(200).extract().jsonPath();
        List<String> titles = list.getList("items.title");
        for (int i = 0; i < titles.size(); i++) {
            episodes.put(titles.get(i), list.getLong("items[" + i + "].id"));
        }
        assertThat(episodes).containsKeys(ENGINE, TABLES, LOOMS);
        // Transcripts and chapters are fetched after the feed: wait until the page has them.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath view = given().get("/api/episodes/" + episodes.get(ENGINE)).then().extract().jsonPath();
            return view.get("transcript") != null && !view.getList("chapters").isEmpty();
        });
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static String item(String guid, String title, String description, String date, String extra) {
        return """
                <item>
                  <title>%s</title>
                  <guid>%s</guid>
                  <description>%s</description>
                  <enclosure url="https://cdn.example/%s.mp3" type="audio/mpeg" length="1"/>
                  <pubDate>%s</pubDate>
                  <itunes:duration>30:00</itunes:duration>
                  %s
                </item>""".formatted(title, guid, description, guid, date, extra);
    }

    long engine() {
        return episodes.get(ENGINE);
    }

    /** A new listener account signed in with the form, as a browser: the filter keeps the session and CSRF cookies. */
    record Listener(String name, CookieFilter browser) {
        Document get(String path) {
            return Jsoup.parse(given().filter(browser).get(path).then().statusCode(200).extract().asString());
        }

        Response post(String path, Map<String, String> form) {
            return given().filter(browser).redirects().follow(false).formParams(form).post(path);
        }

        /** A post as htmx sends it, from the page at {@code from}. */
        Response htmxPost(String path, String from, Map<String, String> form) {
            return given().filter(browser).redirects().follow(false).header("HX-Request", "true")
                    .header("HX-Current-URL", "http://localhost" + from).formParams(form).post(path);
        }
    }

    Listener signedInListener() {
        String name = "page-listener-" + listeners.incrementAndGet();
        QuarkusTransaction.requiringNew().run(() -> UserAccount.create(name, PASSWORD, UserAccount.ROLE_USER));
        CookieFilter browser = new CookieFilter();
        WebSession.signInForm(browser).formParam("j_username", name).formParam("j_password", PASSWORD)
                .post("/j_security_check").then().statusCode(302);
        return new Listener(name, browser);
    }

    List<Interaction> interactionsOf(Listener listener) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long userId = UserAccount.byUsername(listener.name()).orElseThrow().id;
            return interactions.recent(userId, 50);
        });
    }

    static String csrf(Document page) {
        Element token = page.selectFirst("input[type=hidden][name=csrf-token]");
        assertThat(token).as("the page carries a CSRF token").isNotNull();
        return token.attr("value");
    }

    static Document anonymous(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).contentType(containsString("text/html")).extract().asString());
    }

    // --- The episode page ---------------------------------------------------------------------------------

    @Test
    void theStartTimeGoesIntoTheAudioAsAMediaFragment() {
        Document page = anonymous("/episodes/" + engine() + "?t=754");
        Element audio = page.selectFirst("audio#player");
        assertThat(audio).isNotNull();
        assertThat(audio.attr("src")).isEqualTo("https://cdn.example/brass-1.mp3#t=754");
        assertThat(page.select("script[src=/js/player.js]")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo(ENGINE);
        assertThat(page.selectFirst("a[href=/podcasts/" + podcastId + "]").text()).isEqualTo("Brass Computing");

        assertThat(anonymous("/episodes/" + engine()).selectFirst("audio#player").attr("src"))
                .isEqualTo("https://cdn.example/brass-1.mp3");
        // Nonsense start times are ignored, not errors.
        for (String t : List.of("abc", "-5", "1e300", "NaN")) {
            assertThat(anonymous("/episodes/" + engine() + "?t=" + t).selectFirst("audio#player").attr("src"))
                    .as("t=" + t).isEqualTo("https://cdn.example/brass-1.mp3");
        }
    }

    @Test
    void theTranscriptAndChaptersHaveTimestampLinks() {
        Document page = anonymous("/episodes/" + engine());
        List<Element> lines = page.select("ol.transcript li");
        assertThat(lines).hasSize(2);
        Element second = lines.get(1);
        Element link = second.selectFirst("a.seek");
        assertThat(link.attr("href")).isEqualTo("/episodes/" + engine() + "?t=754");
        assertThat(link.attr("data-t")).isEqualTo("754");
        assertThat(link.text()).isEqualTo("12:34");
        assertThat(second.selectFirst(".speaker").text()).isEqualTo("Charles:");
        assertThat(second.text()).contains("Jacquard loom");
        assertThat(lines.get(0).selectFirst("a.seek").attr("href")).isEqualTo("/episodes/" + engine() + "?t=0");

        List<Element> chapters = page.select("ol.chapters li");
        assertThat(chapters).hasSize(2);
        assertThat(chapters.get(1).selectFirst("a.seek").attr("href")).isEqualTo("/episodes/" + engine() + "?t=754");
        assertThat(chapters.get(1).text()).contains("The mill and the store");
    }

    @Test
    void showNotesFromTheFeedCannotRunScript() {
        Document page = anonymous("/episodes/" + engine());
        Element notes = page.selectFirst(".show-notes");
        assertThat(notes).isNotNull();
        assertThat(notes.select("b").text()).isEqualTo("bold");
        assertThat(notes.selectFirst("a[href=https://example.org/ada]").attr("rel")).contains("nofollow");
        assertThat(notes.text()).contains("Clickable").doesNotContain("alert");
        assertThat(notes.select("script, iframe, img[onerror], [style]")).isEmpty();
        // Nowhere on the page: no inline script and no event handler attribute at all.
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(attribute -> attribute.getKey().toLowerCase().startsWith("on") || attribute.getKey().equals("style")));
    }

    @Test
    void similarEpisodesAreListedWithTheirReasons() {
        Document page = anonymous("/episodes/" + engine());
        List<Element> similar = page.select("aside ul.similar li");
        assertThat(similar).isNotEmpty();
        assertThat(similar).extracting(li -> li.selectFirst("a").text()).contains(TABLES, LOOMS).doesNotContain(ENGINE);
        Element tables = similar.stream().filter(li -> li.selectFirst("a").text().equals(TABLES)).findFirst().orElseThrow();
        assertThat(tables.selectFirst("a").attr("href")).isEqualTo("/episodes/" + episodes.get(TABLES));
        assertThat(tables.selectFirst(".reason").text()).isEqualTo("Also from Brass Computing, on a close subject");
    }

    @Test
    void anUnknownEpisodeIsTheHtmlNotFoundPage() {
        String html = given().get("/episodes/999999").then().statusCode(404).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("Not Found");
        given().get("/episodes/not-a-number").then().statusCode(404).contentType(containsString("text/html"));
    }

    // --- Verdicts -------------------------------------------------------------------------------------------

    @Test
    void anonymousVisitorsAreAskedToSignInInsteadOfLiking() {
        Document page = anonymous("/episodes/" + engine());
        assertThat(page.select("form[action$=/interactions]")).isEmpty();
        // Signing in from here comes back here.
        assertThat(page.select(".verdict p").text()).startsWith("Sign in to like this episode");
        assertThat(page.selectFirst(".verdict a").attr("href")).isEqualTo("/login?return=/episodes/" + engine());
        assertThat(page.select("audio#player[data-events]")).isEmpty();
        // And a post without a session goes to the sign-in page, recording nothing.
        given().redirects().follow(false).formParam("type", "LIKE").post("/episodes/" + engine() + "/interactions")
                .then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void aListenerLikesAnEpisodeWithOneClick() {
        Listener listener = signedInListener();
        Document page = listener.get("/episodes/" + engine());
        List<Element> forms = page.select("form[action=/episodes/" + engine() + "/interactions]");
        assertThat(forms).extracting(form -> form.selectFirst("input[name=type]").attr("value"))
                .containsExactly("LIKE", "DISLIKE", "NOT_INTERESTED");
        assertThat(forms).allSatisfy(form -> assertThat(form.attr("method")).isEqualTo("post"));

        Response liked = listener.post("/episodes/" + engine() + "/interactions", Map.of("csrf-token", csrf(page), "type", "LIKE"));
        assertThat(liked.statusCode()).isEqualTo(303);
        assertThat(liked.header("Location")).endsWith("/episodes/" + engine() + "?done=LIKE");
        assertThat(interactionsOf(listener)).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(Interaction.Type.LIKE);
            assertThat(i.episodeId()).isEqualTo(engine());
            assertThat(i.podcastId()).isEqualTo(podcastId);
        });
        assertThat(listener.get(liked.header("Location")).selectFirst(".verdict [role=status]").text()).isEqualTo("Liked.");
        assertThat(listener.get("/episodes/" + engine() + "?done=<b>Your account is closed</b>").select("[role=status]").text())
                .isEmpty();

        // Without the token, or with a type the buttons do not send, nothing is recorded.
        assertThat(listener.post("/episodes/" + engine() + "/interactions", Map.of("type", "LIKE")).statusCode()).isEqualTo(400);
        Response odd = listener.post("/episodes/" + engine() + "/interactions", Map.of("csrf-token", csrf(page), "type", "SUBSCRIBE"));
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.contentType()).contains("text/html");
        assertThat(interactionsOf(listener)).hasSize(1);
    }

    @Test
    void withHtmxAVerdictAnswersWithTheVerdictSectionAndIsRecorded() {
        Listener listener = signedInListener();
        String path = "/episodes/" + engine();
        Document page = listener.get(path);
        Element like = page.selectFirst(".verdict form:has(input[name=type][value=LIKE])");
        // The no-JS form and htmx post to the same place; htmx puts the confirmation into the page's status region.
        assertThat(like.attr("hx-post")).isEqualTo(like.attr("action"));
        Element section = page.selectFirst("section.verdict");
        assertThat(page.select(section.attr("hx-target"))).singleElement()
                .satisfies(status -> assertThat(status.attr("role")).isEqualTo("status"));

        Response answer = listener.htmxPost(path + "/interactions", path, Map.of("csrf-token", csrf(page), "type", "DISLIKE"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).contains("text/html");
        Document fragment = Jsoup.parseBodyFragment(answer.asString());
        assertThat(fragment.select("h1, header.site, main, #player")).as("only the verdict section").isEmpty();
        assertThat(fragment.select("section.verdict")).hasSize(1);
        assertThat(fragment.select(section.attr("hx-select")).text()).isEqualTo("Disliked: fewer episodes like this one.");
        assertThat(fragment.select("section.verdict form button").eachText()).containsExactly("Like", "Dislike",
                "Not interested in Brass Computing");
        assertThat(interactionsOf(listener)).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(Interaction.Type.DISLIKE);
            assertThat(i.episodeId()).isEqualTo(engine());
        });

        // htmx cannot skip the CSRF check either.
        assertThat(listener.htmxPost(path + "/interactions", path, Map.of("type", "LIKE")).statusCode()).isEqualTo(400);
        assertThat(interactionsOf(listener)).hasSize(1);
    }

    @Test
    void anHtmxRequestWithoutASessionSendsTheBrowserToSignInAndBackToThePage() {
        String path = "/episodes/" + engine();
        Response answer = given().redirects().follow(false).header("HX-Request", "true")
                .header("HX-Current-URL", "http://localhost:8081" + path + "?t=754").formParam("type", "LIKE")
                .post(path + "/interactions");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.header("HX-Redirect")).isEqualTo("/login?return=" + URLEncoder.encode(path + "?t=754", StandardCharsets.UTF_8));
    }

    @Test
    void thePlayerEventsAreRecordedAndNeedTheCsrfToken() {
        Listener listener = signedInListener();
        Document page = listener.get("/episodes/" + engine() + "?t=754");
        Element audio = page.selectFirst("audio#player");
        String events = audio.attr("data-events");
        assertThat(events).isEqualTo("/episodes/" + engine() + "/events");
        String token = page.selectFirst("input#player-csrf").attr("value");
        assertThat(token).isEqualTo(csrf(page));

        assertThat(listener.post(events, Map.of("type", "PLAY")).statusCode()).as("no CSRF token").isEqualTo(400);
        assertThat(interactionsOf(listener)).isEmpty();

        assertThat(listener.post(events, Map.of("csrf-token", token, "type", "PLAY")).statusCode()).isEqualTo(204);
        assertThat(listener.post(events, Map.of("csrf-token", token, "type", "PROGRESS", "positionSeconds", "784"))
                .statusCode()).isEqualTo(204);
        assertThat(listener.post(events, Map.of("csrf-token", token, "type", "COMPLETE", "positionSeconds", "1800"))
                .statusCode()).isEqualTo(204);
        assertThat(listener.post(events, Map.of("csrf-token", token, "type", "PROGRESS")).statusCode())
                .as("progress without a position").isEqualTo(400);
        assertThat(listener.post(events, Map.of("csrf-token", token, "type", "LIKE")).statusCode())
                .as("not a player event").isEqualTo(400);

        List<Interaction> recorded = interactionsOf(listener); // newest first
        assertThat(recorded).extracting(Interaction::type).containsExactly(Interaction.Type.COMPLETE,
                Interaction.Type.PROGRESS, Interaction.Type.PLAY);
        assertThat(recorded).extracting(Interaction::positionSeconds).containsExactly(1800, 784, null);
        assertThat(recorded).allSatisfy(i -> assertThat(i.episodeId()).isEqualTo(engine()));

        // An anonymous page gets no events endpoint, and its posts are not accepted.
        given().redirects().follow(false).formParam("type", "PLAY").post(events).then().statusCode(303)
                .header("Location", containsString("/login"));
    }

    // --- The podcast page -----------------------------------------------------------------------------------

    @Test
    void episodeTitlesOnThePodcastPageLinkToTheirPages() {
        Document page = anonymous("/podcasts/" + podcastId);
        assertThat(page.select("ol.episodes h3 a")).extracting(a -> a.attr("href"))
                .contains("/episodes/" + engine(), "/episodes/" + episodes.get(TABLES), "/episodes/" + episodes.get(LOOMS));
        assertThat(page.select("form[action$=/subscription]")).isEmpty();
        assertThat(page.selectFirst("a:contains(Sign in to subscribe)").attr("href")).isEqualTo("/login?return=/podcasts/" + podcastId);
    }

    @Test
    void subscribeTogglesWithOneClick() {
        Listener listener = signedInListener();
        String path = "/podcasts/" + podcastId;
        Document page = listener.get(path);
        Element form = page.selectFirst("form[action=" + path + "/subscription]");
        assertThat(form.selectFirst("input[name=action]").attr("value")).isEqualTo("subscribe");
        assertThat(form.selectFirst("button").text()).isEqualTo("Subscribe");

        Response subscribed = listener.post(path + "/subscription", Map.of("csrf-token", csrf(page), "action", "subscribe"));
        assertThat(subscribed.statusCode()).isEqualTo(303);
        assertThat(subscribed.header("Location")).endsWith(path + "?done=SUBSCRIBE");
        page = listener.get(subscribed.header("Location"));
        assertThat(page.selectFirst("#subscription-status[role=status]").text()).isEqualTo("Subscribed.");
        form = page.selectFirst("form[action=" + path + "/subscription]");
        assertThat(form.selectFirst("input[name=action]").attr("value")).isEqualTo("unsubscribe");
        assertThat(form.selectFirst("button").text()).isEqualTo("Unsubscribe");
        assertThat(interactionsOf(listener)).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(Interaction.Type.SUBSCRIBE);
            assertThat(i.podcastId()).isEqualTo(podcastId);
            assertThat(i.episodeId()).isNull();
        });

        assertThat(listener.post(path + "/subscription", Map.of("csrf-token", csrf(page), "action", "unsubscribe"))
                .statusCode()).isEqualTo(303);
        assertThat(listener.get(path).selectFirst("form[action=" + path + "/subscription] button").text())
                .isEqualTo("Subscribe");
        assertThat(listener.post(path + "/subscription", Map.of("csrf-token", csrf(page), "action", "maybe")).statusCode())
                .isEqualTo(400);
        assertThat(listener.post("/podcasts/999999/subscription", Map.of("csrf-token", csrf(page), "action", "subscribe"))
                .statusCode()).isEqualTo(404);
        assertThat(interactionsOf(listener)).extracting(Interaction::type)
                .containsExactly(Interaction.Type.UNSUBSCRIBE, Interaction.Type.SUBSCRIBE);
    }

    @Test
    void withHtmxSubscribeAnswersWithTheFormInItsNewStateAndTheConfirmation() {
        Listener listener = signedInListener();
        String path = "/podcasts/" + podcastId;
        Document page = listener.get(path);
        Element form = page.selectFirst("form#subscription");
        assertThat(form.attr("hx-post")).isEqualTo(form.attr("action"));
        assertThat(page.select("#subscription-status[role=status]")).hasSize(1);

        Response answer = listener.htmxPost(path + "/subscription", path, Map.of("csrf-token", csrf(page), "action", "subscribe"));
        assertThat(answer.statusCode()).isEqualTo(200);
        Document fragment = Jsoup.parseBodyFragment(answer.asString());
        assertThat(fragment.select("h1, header.site, main")).as("only the subscription").isEmpty();
        assertThat(fragment.selectFirst("form#subscription input[name=action]").attr("value")).isEqualTo("unsubscribe");
        assertThat(fragment.selectFirst("form#subscription button").text()).isEqualTo("Unsubscribe");
        assertThat(fragment.selectFirst("#subscription-status").text()).isEqualTo("Subscribed.");
        assertThat(interactionsOf(listener)).extracting(Interaction::type).containsExactly(Interaction.Type.SUBSCRIBE);

        answer = listener.htmxPost(path + "/subscription", path, Map.of("csrf-token", csrf(page), "action", "unsubscribe"));
        fragment = Jsoup.parseBodyFragment(answer.asString());
        assertThat(fragment.selectFirst("form#subscription button").text()).isEqualTo("Subscribe");
        assertThat(fragment.selectFirst("#subscription-status").text()).isEqualTo("Unsubscribed.");
        assertThat(interactionsOf(listener)).extracting(Interaction::type)
                .containsExactly(Interaction.Type.UNSUBSCRIBE, Interaction.Type.SUBSCRIBE);
    }
}

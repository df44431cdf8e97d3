package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects followed by the fetcher itself, against a loopback server; anything else would land in the trap. */
@Timeout(30)
class FeedFetcherRedirectTest {

    private static final String FEED = "<rss version=\"2.0\"><channel><title>Moved</title></channel></rss>";

    private final LoopbackServer server = new LoopbackServer();
    private final ConnectionTrap trap = new ConnectionTrap();
    private final FeedFetcher fetcher = new FeedFetcher("WavelengthTest/1.0", Duration.ofSeconds(3), Duration.ofSeconds(5),
            1024 * 1024, AddressPolicy.allowAll(), trap.onlyDirectTo(server));

    @AfterEach
    void stop() throws IOException {
        assertThat(trap.connections()).as("connections to anything but the loopback server").isZero();
        server.close();
        trap.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 308})
    void reportsAPermanentRedirect(int status) {
        server.redirect("/old.xml", status, "/new.xml");
        server.serveFeed("/new.xml", FEED);

        FetchResult result = fetcher.fetch(server.url("/old.xml"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchedDocument.class);
        assertThat(result.finalUri()).isEqualTo(server.url("/new.xml"));
        assertThat(result.permanentRedirect()).isEqualTo(server.url("/new.xml"));
    }

    @ParameterizedTest
    @ValueSource(ints = {302, 303, 307})
    void aTemporaryRedirectIsNotReported(int status) {
        server.redirect("/feed.xml", status, server.url("/today.xml").toString());
        server.serveFeed("/today.xml", FEED);

        FetchedDocument document = fetcher.fetch(server.url("/feed.xml"));

        assertThat(document.finalUri()).isEqualTo(server.url("/today.xml"));
        assertThat(document.permanentRedirect()).isNull();
    }

    @Test
    void aChainOfPermanentRedirectsEndsWhereTheFeedIs() {
        server.redirect("/a", 301, "/b");
        server.redirect("/b", 308, "/c");
        server.serveFeed("/c", FEED);

        FetchedDocument document = fetcher.fetch(server.url("/a"));

        assertThat(document.permanentRedirect()).isEqualTo(server.url("/c"));
        assertThat(server.requestedPaths()).containsExactly("/a", "/b", "/c");
    }

    @Test
    void aPermanentMoveStopsAtTheFirstTemporaryRedirect() {
        server.redirect("/a", 301, "/b");
        server.redirect("/b", 302, "/c");
        server.serveFeed("/c", FEED);

        FetchedDocument document = fetcher.fetch(server.url("/a"));

        assertThat(document.finalUri()).isEqualTo(server.url("/c"));
        assertThat(document.permanentRedirect()).isEqualTo(server.url("/b"));
    }

    @Test
    void aPermanentRedirectAfterATemporaryOneIsNotReported() {
        server.redirect("/a", 302, "/b");
        server.redirect("/b", 301, "/c");
        server.serveFeed("/c", FEED);

        assertThat(fetcher.fetch(server.url("/a")).permanentRedirect()).isNull();
    }

    @Test
    void detectsARedirectLoop() {
        server.redirect("/a", 302, "/b");
        server.redirect("/b", 301, "/a");

        assertThatThrownBy(() -> fetcher.fetch(server.url("/a")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("redirect loop")
                .hasMessageContaining(server.url("/b") + " answers HTTP 301 with a redirect back to " + server.url("/a"));
        assertThat(server.requestedPaths()).containsExactly("/a", "/b");
    }

    @Test
    void detectsALoopWrittenDifferently() {
        server.redirect("/loop", 307, "HTTP://127.0.0.1:" + server.port() + "/loop#again");

        assertThatThrownBy(() -> fetcher.fetch(server.url("/loop")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("redirect loop");
        assertThat(server.requestedPaths()).containsExactly("/loop");
    }

    @Test
    void followsFiveRedirects() {
        for (int i = 0; i < 5; i++) {
            server.redirect("/hop" + i, 302, "/hop" + (i + 1));
        }
        server.serveFeed("/hop5", FEED);

        assertThat(fetcher.fetch(server.url("/hop0")).finalUri()).isEqualTo(server.url("/hop5"));
        assertThat(server.requests()).allSatisfy(request ->
                assertThat(request.headers().getFirst("User-Agent")).isEqualTo("WavelengthTest/1.0"));
    }

    @Test
    void refusesASixthRedirect() {
        for (int i = 0; i < 10; i++) {
            server.redirect("/hop" + i, 301, "/hop" + (i + 1));
        }

        assertThatThrownBy(() -> fetcher.fetch(server.url("/hop0")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The address " + server.url("/hop0") + " was redirected too many times: after 5 "
                        + "redirects, " + server.url("/hop5") + " answered HTTP 301 with yet another one, to "
                        + server.url("/hop6"));
        assertThat(server.requestedPaths()).containsExactly("/hop0", "/hop1", "/hop2", "/hop3", "/hop4", "/hop5");
    }

    @Test
    void explainsARedirectWithoutLocation() {
        server.serve("/nowhere", exchange -> LoopbackServer.respond(exchange, 302, null, new byte[0]));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/nowhere")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 302")
                .hasMessageContaining("without a Location");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.test/feed.xml", "file:///etc/passwd", "gopher://127.0.0.1:70/", "javascript:alert(1)"})
    void doesNotFollowARedirectOutOfTheWeb(String location) {
        server.redirect("/feed.xml", 302, location);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/feed.xml")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("a redirect to '" + location + "', which is not a web address");
        assertThat(server.requestedPaths()).containsExactly("/feed.xml");
    }

    @Test
    void doesNotFollowOtherRedirectStatuses() {
        server.redirect("/choices", 300, "/feed.xml");
        server.serveFeed("/feed.xml", FEED);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/choices")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The server answered HTTP 300 for " + server.url("/choices"));
        assertThat(server.requestedPaths()).containsExactly("/choices");
    }

    @Test
    void resolvesRelativeAndSloppyLocations() {
        server.redirect("/shows/old", 302, "new feed.xml#latest");
        server.serveFeed("/shows/new%20feed.xml", FEED);

        assertThat(fetcher.fetch(server.url("/shows/old")).finalUri()).isEqualTo(server.url("/shows/new%20feed.xml"));
    }
}

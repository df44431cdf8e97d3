package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Conditional GET against a loopback server that answers 304 the way publishers' servers do. */
@Timeout(30)
class FeedFetcherConditionalTest {

    private static final String FEED = "<rss version=\"2.0\"><channel><title>Conditional</title></channel></rss>";
    private static final String MONDAY = "Mon, 02 Nov 2026 08:00:00 GMT";
    private static final String TUESDAY = "Tue, 03 Nov 2026 08:00:00 GMT";

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

    /** A feed whose current version has the ETag {@code etag} and was last modified {@code lastModified}. */
    private void serveVersion(String path, String etag, String lastModified, boolean repeatValidatorsIn304) {
        server.serve(path, exchange -> {
            Headers request = exchange.getRequestHeaders();
            boolean unchanged = request.containsKey("If-None-Match")
                    ? etag.equals(request.getFirst("If-None-Match"))
                    : lastModified.equals(request.getFirst("If-Modified-Since"));
            if (unchanged) {
                if (repeatValidatorsIn304) {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.getResponseHeaders().set("Last-Modified", lastModified);
                }
                LoopbackServer.respond(exchange, 304, null, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", lastModified);
            LoopbackServer.respond(exchange, 200, "application/rss+xml", FEED.getBytes(StandardCharsets.UTF_8));
        });
    }

    private Headers onlyRequestHeaders() {
        assertThat(server.requests()).hasSize(1);
        return server.requests().get(0).headers();
    }

    @Test
    void sendsTheEtagAndReportsNotModified() {
        serveVersion("/feed.xml", "\"v1\"", MONDAY, true);

        FetchResult result = fetcher.fetch(server.url("/feed.xml"), new Validators("\"v1\"", null));

        assertThat(result).isInstanceOf(NotModified.class);
        assertThat(result.finalUri()).isEqualTo(server.url("/feed.xml"));
        assertThat(result.permanentRedirect()).isNull();
        assertThat(result.validators()).isEqualTo(new Validators("\"v1\"", MONDAY));
        Headers sent = onlyRequestHeaders();
        assertThat(sent.getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(sent.containsKey("If-Modified-Since")).isFalse();
    }

    @Test
    void sendsTheLastModifiedDateAndReportsNotModified() {
        serveVersion("/feed.xml", "\"v1\"", MONDAY, false);

        FetchResult result = fetcher.fetch(server.url("/feed.xml"), new Validators(null, MONDAY));

        assertThat(result).isInstanceOf(NotModified.class);
        // The 304 repeated nothing, so the validators sent are the ones to keep.
        assertThat(result.validators()).isEqualTo(new Validators(null, MONDAY));
        Headers sent = onlyRequestHeaders();
        assertThat(sent.getFirst("If-Modified-Since")).isEqualTo(MONDAY);
        assertThat(sent.containsKey("If-None-Match")).isFalse();
    }

    @Test
    void sendsBothValidatorsAsReceived() {
        serveVersion("/feed.xml", "W/\"abc\"", MONDAY, true);

        FetchResult result = fetcher.fetch(server.url("/feed.xml"), new Validators("W/\"abc\"", MONDAY));

        assertThat(result).isInstanceOf(NotModified.class);
        Headers sent = onlyRequestHeaders();
        assertThat(sent.getFirst("If-None-Match")).isEqualTo("W/\"abc\"");
        assertThat(sent.getFirst("If-Modified-Since")).isEqualTo(MONDAY);
    }

    @Test
    void downloadsAChangedFeedWithItsNewValidators() {
        serveVersion("/feed.xml", "\"v2\"", TUESDAY, true);

        FetchResult result = fetcher.fetch(server.url("/feed.xml"), new Validators("\"v1\"", MONDAY));

        assertThat(result).isInstanceOf(FetchedDocument.class);
        FetchedDocument document = (FetchedDocument) result;
        assertThat(new String(document.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(document.contentType()).isEqualTo("application/rss+xml");
        assertThat(document.etag()).isEqualTo("\"v2\"");
        assertThat(document.lastModified()).isEqualTo(TUESDAY);
        assertThat(document.validators()).isEqualTo(new Validators("\"v2\"", TUESDAY));
    }

    @Test
    void anUnconditionalFetchSendsNoValidatorsButKeepsTheAnswers() {
        serveVersion("/feed.xml", "\"v1\"", MONDAY, true);

        FetchedDocument plain = fetcher.fetch(server.url("/feed.xml"));
        FetchResult none = fetcher.fetch(server.url("/feed.xml"), Validators.NONE);
        FetchResult nullValidators = fetcher.fetch(server.url("/feed.xml"), null);

        assertThat(plain.validators()).isEqualTo(new Validators("\"v1\"", MONDAY));
        assertThat(none).isInstanceOf(FetchedDocument.class);
        assertThat(nullValidators).isInstanceOf(FetchedDocument.class);
        assertThat(server.requests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.headers().containsKey("If-None-Match")).isFalse();
            assertThat(request.headers().containsKey("If-Modified-Since")).isFalse();
        });
    }

    @Test
    void reportsNotModifiedAfterAPermanentRedirect() {
        server.redirect("/old.xml", 301, "/feed.xml");
        serveVersion("/feed.xml", "\"v1\"", MONDAY, true);

        FetchResult result = fetcher.fetch(server.url("/old.xml"), new Validators("\"v1\"", MONDAY));

        assertThat(result).isInstanceOf(NotModified.class);
        assertThat(result.finalUri()).isEqualTo(server.url("/feed.xml"));
        assertThat(result.permanentRedirect()).isEqualTo(server.url("/feed.xml"));
        assertThat(server.requests()).hasSize(2).allSatisfy(request ->
                assertThat(request.headers().getFirst("If-None-Match")).isEqualTo("\"v1\""));
    }

    @Test
    void explainsA304ToAnUnconditionalRequest() {
        server.serve("/confused", exchange -> LoopbackServer.respond(exchange, 304, null, new byte[0]));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/confused")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The server answered HTTP 304 (not modified) for " + server.url("/confused")
                        + " although the request was not conditional");
    }

    @Test
    void validatorsTreatBlanksAsAbsent() {
        assertThat(new Validators(" ", "")).isEqualTo(Validators.NONE);
        assertThat(Validators.NONE.isEmpty()).isTrue();
        assertThat(new Validators(" \"x\" ", null)).isEqualTo(new Validators("\"x\"", null));
        assertThat(new Validators("\"x\"", null).isEmpty()).isFalse();
        assertThat(new FetchedDocument(URI.create("http://example.test/"), new byte[0], null).validators()).isEqualTo(Validators.NONE);
    }
}

package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Against a real HTTP server on the loopback interface, so redirects, gzip and timeouts are the real thing;
 * private hosts are allowed here, the address guard has its own test.
 */
@Timeout(30)
class FeedFetcherTest {

    private static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback</title></channel></rss>";
    private static final long ONE_MB = 1024 * 1024;

    private HttpServer server;
    private ExecutorService handlers;
    private final Map<String, String> requestHeaders = new ConcurrentHashMap<>();
    private FeedFetcher fetcher;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
        fetcher = new FeedFetcher("WavelengthTest/1.0", Duration.ofSeconds(5), Duration.ofSeconds(5), ONE_MB, true);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop(0);
        handlers.shutdownNow();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void serve(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                exchange.getRequestHeaders().forEach((name, values) -> requestHeaders.put(name.toLowerCase(), String.join(",", values)));
                handler.handle(exchange);
            }
        });
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void downloadsTheBodyAndIntroducesItself() {
        serve("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml; charset=UTF-8", FEED.getBytes(StandardCharsets.UTF_8)));

        FetchedDocument document = fetcher.fetch(url("/feed.xml"));

        assertThat(new String(document.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(document.contentType()).isEqualTo("application/rss+xml; charset=UTF-8");
        assertThat(document.finalUri()).isEqualTo(url("/feed.xml"));
        assertThat(requestHeaders.get("user-agent")).isEqualTo("WavelengthTest/1.0");
        assertThat(requestHeaders.get("accept")).contains("application/rss+xml").contains("application/atom+xml").contains("xml");
        assertThat(requestHeaders.get("accept-encoding")).isEqualTo("gzip");
    }

    @Test
    void followsRedirectsAndReportsWhereTheFeedReallyIs() {
        serve("/old", exchange -> {
            exchange.getResponseHeaders().set("Location", "/moved");
            respond(exchange, 301, null, new byte[0]);
        });
        serve("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", url("/new/feed.xml").toString());
            respond(exchange, 302, null, new byte[0]);
        });
        serve("/new/feed.xml", exchange -> respond(exchange, 200, "text/xml", FEED.getBytes(StandardCharsets.UTF_8)));

        FetchedDocument document = fetcher.fetch(url("/old"));

        assertThat(document.finalUri()).isEqualTo(url("/new/feed.xml"));
        assertThat(new String(document.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void explainsARedirectLoop() {
        serve("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop");
            respond(exchange, 302, null, new byte[0]);
        });

        assertThatThrownBy(() -> fetcher.fetch(url("/loop")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 302")
                .hasMessageContaining("redirect loop");
    }

    @Test
    void gunzipsCompressedBodies() {
        byte[] feed = FEED.repeat(50).getBytes(StandardCharsets.UTF_8);
        serve("/gz", exchange -> {
            byte[] compressed = gzip(feed);
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "application/xml", compressed);
        });

        assertThat(fetcher.fetch(url("/gz")).body()).isEqualTo(feed);
    }

    @Test
    void passesThroughABodyWronglyLabelledGzip() {
        serve("/liar", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "application/xml", FEED.getBytes(StandardCharsets.UTF_8));
        });

        assertThat(new String(fetcher.fetch(url("/liar")).body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void reportsCorruptGzip() {
        serve("/corrupt", exchange -> {
            byte[] compressed = gzip(FEED.getBytes(StandardCharsets.UTF_8));
            for (int i = 12; i < compressed.length - 8; i++) {
                compressed[i] = (byte) 0xFF;
            }
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "application/xml", compressed);
        });

        assertThatThrownBy(() -> fetcher.fetch(url("/corrupt")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("corrupt compressed (gzip) data");
    }

    @Test
    void stopsReadingAtTheSizeLimitWhileStreaming() {
        AtomicInteger chunksSent = new AtomicInteger();
        serve("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to check up front
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 1000; i++) { // 64 MB if nobody stopped us
                    body.write(chunk);
                    body.flush();
                    chunksSent.incrementAndGet();
                }
            } catch (IOException clientGaveUp) {
                // expected: the fetcher hangs up once it has seen enough
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(url("/huge")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The feed is larger than the 1 MB limit");
        assertThat(chunksSent.get()).as("chunks written before the fetcher hung up").isLessThan(1000);
    }

    @Test
    void enforcesTheLimitOnTheDecompressedSize() throws IOException {
        byte[] bomb = gzip(new byte[8 * (int) ONE_MB]); // about 8 KB on the wire, 8 MB unpacked
        serve("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "application/xml", bomb);
        });

        assertThat(bomb.length).isLessThan((int) ONE_MB);
        assertThatThrownBy(() -> fetcher.fetch(url("/bomb")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The feed is larger than the 1 MB limit");
    }

    @Test
    void countsTheLimitOnTheUnpackedBytesOfAGzippedBody() {
        FeedFetcher small = new FeedFetcher("WavelengthTest/1.0", Duration.ofSeconds(5), Duration.ofSeconds(5), 1000, true);
        serve("/gz-exact", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "text/xml", gzip(new byte[1000]));
        });
        serve("/gz-over", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "text/xml", gzip(new byte[1001])); // a few dozen bytes on the wire
        });

        assertThat(small.fetch(url("/gz-exact")).body()).hasSize(1000);
        assertThatThrownBy(() -> small.fetch(url("/gz-over")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The feed is larger than the 1000 bytes limit");
    }

    @Test
    void reportsGzipDataCutShortAsCorrupt() {
        serve("/truncated", exchange -> {
            byte[] compressed = gzip(FEED.repeat(20).getBytes(StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "application/xml", Arrays.copyOf(compressed, compressed.length / 2));
        });

        assertThatThrownBy(() -> fetcher.fetch(url("/truncated")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("corrupt compressed (gzip) data");
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        FeedFetcher small = new FeedFetcher("WavelengthTest/1.0", Duration.ofSeconds(5), Duration.ofSeconds(5), 1000, true);
        serve("/exact", exchange -> respond(exchange, 200, "text/xml", new byte[1000]));
        serve("/over", exchange -> respond(exchange, 200, "text/xml", new byte[1001]));

        assertThat(small.fetch(url("/exact")).body()).hasSize(1000);
        assertThatThrownBy(() -> small.fetch(url("/over")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The feed is larger than the 1000 bytes limit");
    }

    @Test
    void reportsHttpErrorsWithStatusAndAddress() {
        serve("/missing", exchange -> respond(exchange, 404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> fetcher.fetch(url("/missing")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The server answered HTTP 404 for " + url("/missing"));
    }

    @Test
    void reportsServerErrorsAsTemporary() {
        serve("/broken", exchange -> respond(exchange, 503, null, new byte[0]));

        assertThatThrownBy(() -> fetcher.fetch(url("/broken")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The server answered HTTP 503 for " + url("/broken"))
                .hasMessageContaining("temporary");
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswer() {
        FeedFetcher impatient = new FeedFetcher("WavelengthTest/1.0", Duration.ofSeconds(2), Duration.ofMillis(300), ONE_MB, true);
        serve("/slow", exchange -> sleep(3000));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.fetch(url("/slow")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The server did not answer within 0.3 seconds");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theTimeLimitCoversTheWholeBody() {
        FeedFetcher impatient = new FeedFetcher("WavelengthTest/1.0", Duration.ofSeconds(2), Duration.ofMillis(500), ONE_MB, true);
        serve("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < 30; i++) { // one byte every 100 ms: headers fast, body far too slow
                body.write('<');
                body.flush();
                sleep(100);
            }
        });

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.fetch(url("/trickle")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The server did not answer within 0.5 seconds");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void explainsAnUnknownHost() {
        URI nowhere = URI.create("http://wavelength-test-no-such-host.invalid/feed.xml");
        // A resolver that knows no name, so the test sends no DNS query off the machine.
        FeedFetcher offline = new FeedFetcher("WavelengthTest/1.0", Duration.ofSeconds(5), Duration.ofSeconds(5), ONE_MB,
                AddressPolicy.publicOnly(host -> {
                    throw new java.net.UnknownHostException(host);
                }));

        assertThatThrownBy(() -> offline.fetch(nowhere))
                .isInstanceOf(FetchException.class)
                .hasMessage("Could not find the server wavelength-test-no-such-host.invalid (DNS lookup failed). "
                        + "Check the address, or the network connection.");
    }

    @Test
    void explainsARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/feed.xml")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("The server 127.0.0.1 refused the connection on port " + closedPort);
    }

    @Test
    void keepsTheInterruptAndWrapsIt() {
        serve("/slow", exchange -> sleep(3000));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> fetcher.fetch(url("/slow")))
                    .isInstanceOf(FetchException.class)
                    .hasCauseInstanceOf(InterruptedException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesAddressesThatAreNotWebAddresses() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create("ftp://example.com/feed.xml")))
                .isInstanceOf(InvalidFeedUrlException.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

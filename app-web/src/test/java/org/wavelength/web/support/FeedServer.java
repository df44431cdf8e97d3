package org.wavelength.web.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that serves feeds to the app under test, can be changed mid-test,
 * answers conditional requests to bodies served with an ETag and requests for a byte range (audio
 * that a browser seeks in), and records what it was asked.
 */
public final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Body> bodies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private record Body(int status, String contentType, byte[] bytes, String etag, String location) {
    }

    /** What the server was asked: the path and the If-None-Match header (null when absent). */
    public record Request(String path, String ifNoneMatch) {
    }

    private FeedServer(HttpServer server) {
        this.server = server;
    }

    public static FeedServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FeedServer feeds = new FeedServer(server);
            server.createContext("/", feeds::answer);
            server.start();
            return feeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        requests.add(new Request(path, ifNoneMatch));
        Body body = bodies.getOrDefault(path, new Body(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), null, null));
        if (body.location() != null) {
            exchange.getResponseHeaders().set("Location", body.location());
        }
        if (body.etag() != null) {
            exchange.getResponseHeaders().set("ETag", body.etag());
            if (body.etag().equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", body.contentType());
        java.util.regex.Matcher range = BYTE_RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
        if (body.status() == 200 && range.matches() && Integer.parseInt(range.group(1)) < body.bytes().length) {
            // A part, as a browser asks for audio it seeks in.
            int from = Integer.parseInt(range.group(1));
            int to = range.group(2).isEmpty() ? body.bytes().length - 1
                    : Math.min(Integer.parseInt(range.group(2)), body.bytes().length - 1);
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + body.bytes().length);
            exchange.sendResponseHeaders(206, to - from + 1);
            exchange.getResponseBody().write(body.bytes(), from, to - from + 1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        exchange.sendResponseHeaders(body.status(), body.bytes().length == 0 ? -1 : body.bytes().length);
        exchange.getResponseBody().write(body.bytes());
        exchange.close();
    }

    private static final java.util.regex.Pattern BYTE_RANGE = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)");

    /** Serves the test resource {@code /feeds/<name>} at {@code /<name>}; returns its URL. */
    public String serveFixture(String name) {
        return serve("/" + name, 200, "application/rss+xml", fixture(name));
    }

    public String serve(String path, int status, String contentType, byte[] bytes) {
        bodies.put(path, new Body(status, contentType, bytes, null, null));
        return url(path);
    }

    public String serve(String path, String contentType, String text) {
        return serve(path, 200, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a body with an ETag: a request that sends it back gets 304 Not Modified. */
    public String serveWithEtag(String path, String contentType, byte[] bytes, String etag) {
        bodies.put(path, new Body(200, contentType, bytes, etag, null));
        return url(path);
    }

    public String redirect(String path, int status, String location) {
        bodies.put(path, new Body(status, "text/plain", new byte[0], null, location));
        return url(path);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * Serves a fixture of {@code feeds/listening/} with each {@code {{days-ago:N}}} replaced by the
     * date N days before now, so that some episodes are new; returns its address.
     */
    public String serveWithRecentDates(String fixture) {
        return serveWithRecentDates(fixture, null);
    }

    /**
     * The same, with every episode's audio at {@code audioUrl} (none: the fixture's addresses, which
     * nothing answers): for a browser that plays the episodes.
     */
    public String serveWithRecentDates(String fixture, String audioUrl) {
        String xml = new String(fixture("listening/" + fixture), java.nio.charset.StandardCharsets.UTF_8);
        if (audioUrl != null) {
            xml = ENCLOSURE_URL.matcher(xml).replaceAll("url=\"" + java.util.regex.Matcher.quoteReplacement(audioUrl) + "\"");
        }
        java.util.regex.Matcher m = DAYS_AGO.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            java.time.ZonedDateTime date = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
                    .minusDays(Long.parseLong(m.group(1))).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            m.appendReplacement(out, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
        }
        m.appendTail(out);
        return serve("/" + fixture, "application/rss+xml", out.toString());
    }

    private static final java.util.regex.Pattern DAYS_AGO = java.util.regex.Pattern.compile("\\{\\{days-ago:(\\d+)}}");
    private static final java.util.regex.Pattern ENCLOSURE_URL = java.util.regex.Pattern.compile("url=\"[^\"]+\\.mp3\"");

    /**
     * Serves that many seconds of silence as a WAV file (8 kHz, 8-bit mono PCM, which every browser
     * decodes): real audio that a browser can load, play and seek. Returns its address.
     */
    public String serveSilence(String path, int seconds) {
        int rate = 8000;
        int samples = rate * seconds;
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + samples).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate).putShort((short) 1).putShort((short) 8);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples);
        for (int i = 0; i < samples; i++) {
            wav.put((byte) 0x80); // the middle of unsigned 8-bit PCM: silence
        }
        return serve(path, 200, "audio/wav", wav.array());
    }

    public static byte[] fixture(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test feed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

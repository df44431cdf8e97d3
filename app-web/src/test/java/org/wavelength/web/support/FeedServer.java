package org.wavelength.web.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A real HTTP server on loopback that serves feeds to the app under test, and can be changed mid-test. */
public final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Body> bodies = new ConcurrentHashMap<>();

    private record Body(int status, String contentType, byte[] bytes) {
    }

    private FeedServer(HttpServer server) {
        this.server = server;
    }

    public static FeedServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FeedServer feeds = new FeedServer(server);
            server.createContext("/", exchange -> {
                Body body = feeds.bodies.getOrDefault(exchange.getRequestURI().getPath(),
                        new Body(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8)));
                exchange.getResponseHeaders().set("Content-Type", body.contentType());
                exchange.sendResponseHeaders(body.status(), body.bytes().length);
                exchange.getResponseBody().write(body.bytes());
                exchange.close();
            });
            server.start();
            return feeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the test resource {@code /feeds/<name>} at {@code /<name>}; returns its URL. */
    public String serveFixture(String name) {
        return serve("/" + name, 200, "application/rss+xml", fixture(name));
    }

    public String serve(String path, int status, String contentType, byte[] bytes) {
        bodies.put(path, new Body(status, contentType, bytes));
        return url(path);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
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

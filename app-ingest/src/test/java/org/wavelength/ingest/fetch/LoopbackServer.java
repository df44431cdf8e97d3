package org.wavelength.ingest.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on 127.0.0.1 (or another loopback address, to play a public host that the guard is told
 * to allow while 127.0.0.1 stays private) that answers by exact path and records every request it gets.
 */
final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it; header names are case-insensitive. */
    record Request(String path, Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private final String address;

    LoopbackServer() {
        this("127.0.0.1", 0);
    }

    /** On {@code address} (in 127.0.0.0/8), on {@code port} or any free port for 0. */
    LoopbackServer(String address, int port) {
        this.address = address;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders()));
                HttpHandler handler = routes.get(exchange.getRequestURI().getRawPath());
                if (handler == null) {
                    respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                } else {
                    handler.handle(exchange);
                }
            }
        });
        server.start();
    }

    String address() {
        return address;
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url(String path) {
        return URI.create("http://" + address + ":" + port() + path);
    }

    void serve(String path, HttpHandler handler) {
        routes.put(path, handler);
    }

    void serveFeed(String path, String body) {
        serve(path, exchange -> respond(exchange, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8)));
    }

    void redirect(String path, int status, String location) {
        serve(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            respond(exchange, status, null, new byte[0]);
        });
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<String> requestedPaths() {
        return requests.stream().map(Request::path).toList();
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body.length == 0 || status == 304 || status == 204;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.wavelength.ingest.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * Downloads feeds over HTTP(S) within limits of time and size, and turns every failure into a
 * {@link FetchException} an admin can act on.
 *
 * <p>Thread-safe; one instance (and its {@link HttpClient}) serves all workers.
 */
public class FeedFetcher {

    // What feed readers ask for: feed types first, any XML next, anything as a last resort, since
    // plenty of servers label feeds text/html or application/octet-stream.
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, */*;q=0.5";

    private final String userAgent;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final long maxBytes;
    private final HttpClient client;

    /**
     * @param userAgent      sent with every request, so publishers can see who fetches and how to reach us
     * @param connectTimeout time to open the TCP/TLS connection
     * @param readTimeout    time for the whole response, from sending the request to the last body byte
     * @param maxBytes       largest body accepted, counted after decompression
     */
    public FeedFetcher(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // NORMAL follows redirects except from https to http, which would downgrade security.
                .followRedirects(HttpClient.Redirect.NORMAL)
                // HTTP/1.1: on http:// URLs the HTTP/2 default sends an h2c upgrade some servers mishandle,
                // and a single small download gains nothing from HTTP/2.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
        return duration;
    }

    /**
     * Downloads the document at {@code url}, following redirects.
     *
     * @throws InvalidFeedUrlException when the URL is not an http(s) address with a host
     * @throws FetchException          for every network, HTTP, size or time failure
     */
    public FetchedDocument fetch(URI url) {
        FeedUrls.parse(url == null ? null : url.toString());
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .timeout(readTimeout)
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .build();

        AtomicReference<LimitedBodySubscriber> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, info -> {
            if (info.statusCode() < 200 || info.statusCode() > 299 || unsupportedEncoding(info.headers()) != null) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            LimitedBodySubscriber subscriber = new LimitedBodySubscriber(maxBytes, isGzip(info.headers()));
            body.set(subscriber);
            return subscriber;
        });
        try {
            // The request timeout above only covers waiting for the headers; this covers the body too.
            return toDocument(url, response.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            stop(response, body.get(), e);
            throw new FetchException(noAnswerInTime(url), e);
        } catch (InterruptedException e) {
            stop(response, body.get(), e);
            Thread.currentThread().interrupt();
            throw new FetchException("The download of " + url + " was interrupted because the application is stopping.", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), url);
        } catch (CancellationException e) {
            throw new FetchException("The download of " + url + " was cancelled.", e);
        }
    }

    private static void stop(CompletableFuture<?> response, LimitedBodySubscriber body, Throwable reason) {
        if (body != null) {
            body.abort(reason);
        }
        response.cancel(true);
    }

    private FetchedDocument toDocument(URI requested, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        URI finalUri = response.uri();
        String where = finalUri.equals(requested) ? requested.toString() : finalUri + " (redirected from " + requested + ")";
        if (status >= 300 && status <= 399) {
            String location = response.headers().firstValue("Location").orElse("nowhere");
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to "
                    + location + " that was not followed: either there were too many redirects, or it leads "
                    + "from https to plain http. Update the feed address if the new one is trustworthy.");
        }
        if (status < 200 || status > 299) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + advice(status));
        }
        String encoding = unsupportedEncoding(response.headers());
        if (encoding != null) {
            throw new FetchException("The server sent " + where + " compressed as '" + encoding
                    + "', which is not supported (only gzip is).");
        }
        return new FetchedDocument(finalUri, response.body(), response.headers().firstValue("Content-Type").orElse(null));
    }

    private static String advice(int status) {
        if (status == 401 || status == 403) {
            return ": access is denied, the feed may be private or block unknown clients.";
        }
        if (status == 404 || status == 410) {
            return ": the feed is not at this address (any more). Check the address, or look for the feed's new one.";
        }
        if (status == 429) {
            return ": we fetched it too often. It will be tried again later.";
        }
        if (status >= 500) {
            return ": a server error, usually temporary. It will be tried again later.";
        }
        return ".";
    }

    private static boolean isGzip(HttpHeaders headers) {
        String encoding = contentEncoding(headers);
        return encoding.equals("gzip") || encoding.equals("x-gzip");
    }

    /** The Content-Encoding when it is one we cannot undo (we only asked for gzip), else null. */
    private static String unsupportedEncoding(HttpHeaders headers) {
        String encoding = contentEncoding(headers);
        boolean supported = encoding.isEmpty() || encoding.equals("identity") || encoding.equals("gzip") || encoding.equals("x-gzip");
        return supported ? null : encoding;
    }

    private static String contentEncoding(HttpHeaders headers) {
        return headers.firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
    }

    /** Explains a failure from the HTTP client in words; the original stays attached as the cause. */
    private FetchException translate(Throwable failure, URI url) {
        String host = url.getHost();
        if (hasCause(failure, LimitedBodySubscriber.BodyTooLargeException.class)) {
            return new FetchException("The feed is larger than the " + describeSize(maxBytes) + " limit, so it was not "
                    + "downloaded (" + url + ").", failure);
        }
        if (hasCause(failure, HttpConnectTimeoutException.class)) {
            return new FetchException("Could not connect to the server " + host + " within " + describe(connectTimeout)
                    + ". The server may be down, or a firewall may be blocking the connection.", failure);
        }
        if (hasCause(failure, HttpTimeoutException.class)) {
            return new FetchException(noAnswerInTime(url), failure);
        }
        if (hasCause(failure, UnresolvedAddressException.class) || hasCause(failure, UnknownHostException.class)) {
            return new FetchException("Could not find the server " + host + " (DNS lookup failed). "
                    + "Check the address, or the network connection.", failure);
        }
        if (hasCause(failure, SSLException.class)) {
            return new FetchException("Could not open a secure connection to " + host + ": "
                    + rootMessage(failure) + ". The server's certificate may be invalid or expired.", failure);
        }
        if (hasCause(failure, ConnectException.class)) {
            String reason = rootMessage(failure);
            // The JDK client reports a refused connection as a bare ConnectException, without any message.
            if (reason.toLowerCase(Locale.ROOT).contains("refused") || !hasMessage(failure)) {
                return new FetchException("The server " + host + " refused the connection on port " + port(url)
                        + ". It may be down; check the address, or try again later.", failure);
            }
            return new FetchException("Could not connect to the server " + host + ": " + reason
                    + ". Check the address, or the network connection.", failure);
        }
        if (hasCause(failure, ZipException.class)) {
            return new FetchException("The server sent corrupt compressed (gzip) data for " + url
                    + ". It may be a temporary server problem.", failure);
        }
        if (hasCause(failure, EOFException.class) || rootMessage(failure).contains("received no bytes")) {
            return new FetchException("The server " + host + " closed the connection before sending the whole feed. "
                    + "It may be a temporary problem.", failure);
        }
        if (hasCause(failure, IOException.class)) {
            return new FetchException("Could not download " + url + ": " + rootMessage(failure) + ".", failure);
        }
        return new FetchException("Could not download " + url + " because of an unexpected error: "
                + rootMessage(failure) + ".", failure);
    }

    private String noAnswerInTime(URI url) {
        return "The server did not answer within " + describe(readTimeout) + " (" + url + "). "
                + "It may be overloaded; it will be tried again later.";
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean hasMessage(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (!(t instanceof ExecutionException) && !(t instanceof CompletionException) && t.getMessage() != null && !t.getMessage().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The most specific message in the chain, since the HTTP client's wrappers often have none. */
    private static String rootMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }

    /** "30 seconds", "1 second", "0.5 seconds". */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            long seconds = millis / 1000;
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return String.format(Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    /** "20 MB", "1.5 MB", "64 KB", "1000 bytes": binary units, as the limit is configured in bytes. */
    static String describeSize(long bytes) {
        long mb = 1024 * 1024;
        if (bytes >= mb) {
            return bytes % mb == 0 ? bytes / mb + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / (double) mb);
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}

package org.wavelength.ingest.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
 * Downloads feeds, transcripts and chapters over HTTP(S) within limits of time and size, and turns
 * every failure into a {@link FetchException} an admin can act on.
 *
 * <p>Redirects (301, 302, 303, 307, 308) are followed here rather than by the {@link HttpClient}, at
 * most {@value #MAX_REDIRECTS} of them, so that every address on the way passes the
 * {@link AddressPolicy} before anything connects to it; https to plain http is never followed.
 *
 * <p>Thread-safe; one instance (and its {@link HttpClient}) serves all workers.
 */
public class FeedFetcher {

    /** Redirects followed at most for one fetch; browsers allow 20, podcast clients far fewer. */
    static final int MAX_REDIRECTS = 5;

    // What feed readers ask for: feed types first, any XML next, anything as a last resort, since
    // plenty of servers label feeds text/html or application/octet-stream.
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, */*;q=0.5";

    private final String userAgent;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final long maxBytes;
    private final AddressPolicy addressPolicy;
    private final HttpClient client;

    /**
     * A fetcher that only fetches from public addresses (see {@link AddressPolicy}).
     *
     * @param userAgent      sent with every request, so publishers can see who fetches and how to reach us
     * @param connectTimeout time to open the TCP/TLS connection
     * @param readTimeout    time for the whole download, redirects included, from sending the first request
     *                       to the last body byte
     * @param maxBytes       largest body accepted, counted after decompression
     */
    public FeedFetcher(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes) {
        this(userAgent, connectTimeout, readTimeout, maxBytes, false);
    }

    /**
     * @param allowPrivateHosts true to fetch from loopback, private and link-local addresses too
     *                          ({@code wavelength.ingest.allow-private-hosts}): only for tests and local
     *                          demos, since it lets feed addresses reach internal services
     * @see #FeedFetcher(String, Duration, Duration, long)
     */
    public FeedFetcher(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes,
            boolean allowPrivateHosts) {
        this(userAgent, connectTimeout, readTimeout, maxBytes,
                allowPrivateHosts ? AddressPolicy.allowAll() : AddressPolicy.publicOnly());
    }

    /** With any address policy, such as one with a fake resolver in tests. */
    FeedFetcher(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes, AddressPolicy addressPolicy) {
        this(userAgent, connectTimeout, readTimeout, maxBytes, addressPolicy, null);
    }

    /**
     * With a proxy selector too (null: the JVM's default one). Tests route every address but their
     * loopback server to a loopback trap, so that nothing a broken guard lets through can leave the machine.
     */
    FeedFetcher(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes, AddressPolicy addressPolicy,
            ProxySelector proxySelector) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.addressPolicy = Objects.requireNonNull(addressPolicy, "addressPolicy");
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (proxySelector != null) {
            builder.proxy(proxySelector);
        }
        this.client = builder
                .connectTimeout(connectTimeout)
                // Followed in fetch(), so that the address policy sees every hop before it is connected to.
                .followRedirects(HttpClient.Redirect.NEVER)
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
     * Downloads the document at {@code url} unconditionally, following redirects: for transcripts,
     * chapters, and feeds fetched for the first time.
     *
     * @throws InvalidFeedUrlException  when the URL is not an http(s) address with a host
     * @throws PrivateAddressException  when the address or a redirect leads to a private or local address
     * @throws FetchException           for every other network, HTTP, size or time failure
     */
    public FetchedDocument fetch(URI url) {
        return (FetchedDocument) fetch(url, Validators.NONE, "address");
    }

    /**
     * Downloads the feed at {@code url} unless it is unchanged since {@code previous} were received:
     * sends If-None-Match and If-Modified-Since, and on 304 Not Modified reads no body. The result
     * carries the new validators and, when the feed has moved for good, its new address.
     *
     * @param previous the validators stored from the last download, or {@link Validators#NONE} (or null)
     * @return a {@link FetchedDocument} or {@link NotModified}
     * @throws InvalidFeedUrlException  when the URL is not an http(s) address with a host
     * @throws PrivateAddressException  when the address or a redirect leads to a private or local address
     * @throws FetchException           for every other network, HTTP, size or time failure
     */
    public FetchResult fetch(URI url, Validators previous) {
        return fetch(url, previous == null ? Validators.NONE : previous, "feed address");
    }

    /** A redirect followed: {@code from} answered {@code status} with a Location leading to the next hop. */
    private record Hop(URI from, int status) {
    }

    private FetchResult fetch(URI url, Validators validators, String subject) {
        FeedUrls.parse(url == null ? null : url.toString());
        long deadline = System.nanoTime() + readTimeout.toNanos();
        Set<String> visited = new HashSet<>();
        visited.add(loopKey(url));
        URI current = url;
        Hop via = null;
        URI permanentRedirect = null;
        boolean onlyPermanentSoFar = true;
        for (int redirects = 0; ; redirects++) {
            checkAddress(subject, url, current, via);
            HttpResponse<byte[]> response = exchange(current, validators, deadline);
            int status = response.statusCode();
            if (isFollowedRedirect(status)) {
                URI next = redirectTarget(url, current, response);
                if (!visited.add(loopKey(next))) {
                    throw new FetchException("The " + subject + " " + url + " leads into a redirect loop: " + current
                            + " answers HTTP " + status + " with a redirect back to " + next
                            + ", which was already visited. The publisher's server is misconfigured; "
                            + "it will be tried again later.");
                }
                if (redirects >= MAX_REDIRECTS) {
                    throw new FetchException("The " + subject + " " + url + " was redirected too many times: after "
                            + MAX_REDIRECTS + " redirects, " + current + " answered HTTP " + status
                            + " with yet another one, to " + next + ". Update the address to where the feed "
                            + "really is, if that is known.");
                }
                if (onlyPermanentSoFar && (status == 301 || status == 308)) {
                    permanentRedirect = next;
                } else {
                    onlyPermanentSoFar = false;
                }
                via = new Hop(current, status);
                current = next;
                continue;
            }
            if (status == 304) {
                if (validators.isEmpty()) {
                    throw new FetchException("The server answered HTTP 304 (not modified) for " + where(url, current)
                            + " although the request was not conditional. A cache on the way may be confused; "
                            + "it will be tried again later.");
                }
                HttpHeaders headers = response.headers();
                Validators fresh = new Validators(
                        headers.firstValue("ETag").orElse(validators.etag()),
                        headers.firstValue("Last-Modified").orElse(validators.lastModified()));
                return new NotModified(current, fresh, permanentRedirect);
            }
            return toDocument(url, current, response, permanentRedirect);
        }
    }

    /*
     * DNS rebinding: the policy resolves the host here, and the HttpClient resolves it again when it
     * connects, so a name whose DNS answer changes in between (a short TTL flipping from a public to a
     * private address) could slip through. On Java 17 there is no clean way to make the client connect
     * to the checked address: HttpClient takes no resolver (the InetAddressResolver SPI arrives in Java
     * 18, and is JVM-wide), and connecting to the IP with a Host header needs the restricted-header
     * system property and breaks TLS server name checks. What narrows the window: both lookups go
     * through the JVM's positive DNS cache (networkaddress.cache.ttl, 30 seconds by default without a
     * security manager), which the client's lookup, microseconds later, nearly always hits, so it sees
     * the very addresses checked here; only an entry expiring between the two lookups reopens it.
     * Deployments that need more should also block private ranges at the network level (egress rules).
     * The window is per hop: every redirect target is checked again the same way.
     */
    private void checkAddress(String subject, URI original, URI target, Hop via) {
        if (addressPolicy.allowsAll()) {
            return;
        }
        AddressPolicy.Refusal refusal;
        try {
            refusal = addressPolicy.check(target.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(unknownHost(target.getHost()), e);
        }
        if (refusal == null) {
            return;
        }
        String why = "a private or local network address (" + refusal.describe() + "), which is not allowed: "
                + "only servers on the public internet are fetched from. For local tests and demos, an "
                + "administrator can allow such addresses with wavelength.ingest.allow-private-hosts=true.";
        if (via == null) {
            throw new PrivateAddressException("The " + subject + " points to " + why + " (" + original + ")");
        }
        String from = via.from().equals(original) ? "" : " from " + via.from();
        throw new PrivateAddressException("The " + subject + " " + original + " is redirected (HTTP " + via.status() + from
                + ") to " + target + ", " + why);
    }

    private static boolean isFollowedRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Where a redirect leads, checked: an absolute http(s) URL, not from https to http. */
    private static URI redirectTarget(URI original, URI current, HttpResponse<?> response) {
        int status = response.statusCode();
        String where = where(original, current);
        String location = response.headers().firstValue("Location").map(String::strip).orElse("");
        if (location.isEmpty()) {
            throw new FetchException("The server answered HTTP " + status + " for " + where
                    + ", a redirect without a Location saying where to. The publisher's server is misconfigured.");
        }
        URI next;
        try {
            next = resolve(current, location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to '"
                    + location + "', which is not a valid web address. The publisher's server is misconfigured.", e);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null || next.getHost().isBlank()) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to '"
                    + location + "', which is not a web address (http or https) and is not followed.");
        }
        if (isDowngrade(current, next)) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to "
                    + next + " that was not followed: it leads from https to plain http. "
                    + "Update the feed address if the new one is trustworthy.");
        }
        return next;
    }

    static boolean isDowngrade(URI from, URI to) {
        return "https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme());
    }

    /** The absolute address a Location header means, relative to {@code base}, without any fragment. */
    static URI resolve(URI base, String location) throws URISyntaxException {
        URI reference = new URI(escapeIllegal(location));
        // URI.resolve glues a relative path straight onto a base with an empty path ("http://hostfeed").
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            base = base.resolve("/");
        }
        URI absolute;
        if (reference.getScheme() == null && reference.getRawAuthority() == null
                && (reference.getRawPath() == null || reference.getRawPath().isEmpty()) && reference.getRawQuery() != null) {
            // "?page=2" keeps the base's whole path (RFC 3986); URI.resolve (RFC 2396) would drop its last segment.
            absolute = new URI(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + "?" + reference.getRawQuery());
        } else {
            absolute = base.resolve(reference);
        }
        String text = absolute.toString();
        int fragment = text.indexOf('#');
        return fragment < 0 ? absolute : new URI(text.substring(0, fragment));
    }

    /** Percent-encodes what servers put in a Location header but URIs may not hold: spaces, non-ASCII. */
    private static String escapeIllegal(String location) {
        StringBuilder escaped = new StringBuilder(location.length());
        for (byte b : location.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                escaped.append((char) c);
            }
        }
        return escaped.toString();
    }

    /** Identifies an address for loop detection: case of scheme and host, default ports and fragments do not count. */
    private static String loopKey(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : port(uri);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path + query;
    }

    /** One request and its response; the body is read only for 2xx answers, within the overall deadline. */
    private HttpResponse<byte[]> exchange(URI target, Validators validators, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(noAnswerInTime(target));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .GET()
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
        conditionalHeader(builder, "If-None-Match", validators.etag());
        conditionalHeader(builder, "If-Modified-Since", validators.lastModified());
        HttpRequest request = builder.build();

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
            return response.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(response, body.get(), e);
            throw new FetchException(noAnswerInTime(target), e);
        } catch (InterruptedException e) {
            stop(response, body.get(), e);
            Thread.currentThread().interrupt();
            throw new FetchException("The download of " + target + " was interrupted because the application is stopping.", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), target);
        } catch (CancellationException e) {
            throw new FetchException("The download of " + target + " was cancelled.", e);
        }
    }

    /** Adds a validator stored from an earlier answer, unless it could not be sent as a header at all. */
    private static void conditionalHeader(HttpRequest.Builder builder, String name, String value) {
        if (value == null) {
            return;
        }
        try {
            builder.header(name, value);
        } catch (IllegalArgumentException unusable) {
            // A value with control characters: fetching unconditionally is the safe fallback.
        }
    }

    private static void stop(CompletableFuture<?> response, LimitedBodySubscriber body, Throwable reason) {
        if (body != null) {
            body.abort(reason);
        }
        response.cancel(true);
    }

    private static String where(URI requested, URI finalUri) {
        return finalUri.equals(requested) ? requested.toString() : finalUri + " (redirected from " + requested + ")";
    }

    private FetchedDocument toDocument(URI requested, URI finalUri, HttpResponse<byte[]> response, URI permanentRedirect) {
        int status = response.statusCode();
        String where = where(requested, finalUri);
        if (status >= 300 && status <= 399) {
            String location = response.headers().firstValue("Location").orElse("nowhere");
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to "
                    + location + " of a kind that is not followed. Update the feed address if the new one is trustworthy.");
        }
        if (status < 200 || status > 299) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + advice(status));
        }
        String encoding = unsupportedEncoding(response.headers());
        if (encoding != null) {
            throw new FetchException("The server sent " + where + " compressed as '" + encoding
                    + "', which is not supported (only gzip is).");
        }
        HttpHeaders headers = response.headers();
        Validators validators = new Validators(headers.firstValue("ETag").orElse(null),
                headers.firstValue("Last-Modified").orElse(null));
        return new FetchedDocument(finalUri, response.body(), headers.firstValue("Content-Type").orElse(null),
                validators.etag(), validators.lastModified(), permanentRedirect);
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
            return new FetchException(unknownHost(host), failure);
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

    private static String unknownHost(String host) {
        return "Could not find the server " + host + " (DNS lookup failed). Check the address, or the network connection.";
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

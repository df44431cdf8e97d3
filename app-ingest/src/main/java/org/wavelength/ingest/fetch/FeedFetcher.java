package org.wavelength.ingest.fetch;

import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.Timeout;

/**
 * Downloads feeds, transcripts and chapters over HTTP(S) within limits of time and size, and turns
 * every failure into a {@link FetchException} an admin can act on ({@link FetchFailures}).
 *
 * <p>Redirects (301, 302, 303, 307, 308) are followed here rather than by the HTTP client, at
 * most {@value #MAX_REDIRECTS} of them, so that every address on the way passes the
 * {@link AddressPolicy} before anything connects to it ({@link AddressGuard}); https to plain http is
 * never followed ({@link RedirectTargets}). The client (Apache HttpClient 5, since the JDK's takes no
 * resolver) looks names up only through {@link GuardedDnsResolver}, so it connects only to addresses
 * the policy checked at that moment. Each request is a {@link ConditionalGet}, and the last answer is
 * read by {@link FinalResponse}.
 *
 * <p>Thread-safe; one instance (and its client) serves all workers.
 */
public class FeedFetcher {

    /** Redirects followed at most for one fetch; browsers allow 20, podcast clients far fewer. */
    static final int MAX_REDIRECTS = 5;

    private final Duration readTimeout;
    private final AddressGuard addressGuard;
    private final ConditionalGet get;

    /**
     * A fetcher that only fetches from public addresses (see {@link AddressPolicy}).
     *
     * @param userAgent      sent with every request, so publishers can see who fetches and how to reach us
     * @param connectTimeout time to open the TCP/TLS connection
     * @param readTimeout    time for the whole download, redirects included, from sending the first request
     *                       to the last body byte
     * @param maxBytes       largest body accepted, counted after decompression (a gzipped body, before it too)
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
        this(userAgent, connectTimeout, readTimeout, maxBytes, addressPolicy, proxySelector, null);
    }

    /** With the certificates to trust too (null: the JVM's), for tests against a local TLS server. */
    FeedFetcher(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes, AddressPolicy addressPolicy,
            ProxySelector proxySelector, SSLContext trust) {
        Objects.requireNonNull(userAgent, "userAgent");
        requirePositive(connectTimeout, "connectTimeout");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        this.addressGuard = new AddressGuard(Objects.requireNonNull(addressPolicy, "addressPolicy"));
        this.get = new ConditionalGet(client(connectTimeout, readTimeout, addressPolicy, proxySelector, trust), downloadThreads(),
                userAgent, maxBytes, new FetchFailures(connectTimeout, readTimeout, maxBytes));
    }

    private static CloseableHttpClient client(Duration connectTimeout, Duration readTimeout, AddressPolicy policy,
            ProxySelector proxySelector, SSLContext trust) {
        ConnectionConfig timeouts = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(policy))
                        // Certificates are verified against the host name, which is also sent as SNI: the
                        // socket gets the checked address, the TLS layer the name.
                        .setTlsSocketStrategy(trust == null ? DefaultClientTlsStrategy.createDefault() : new DefaultClientTlsStrategy(trust))
                        .setDefaultConnectionConfig(timeouts)
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(4)
                        .build())
                // A new connection, so a new checked lookup, for every request: feeds are fetched once an
                // hour, so keeping connections would save little and keep addresses checked long ago.
                .setConnectionReuseStrategy((request, response, context) -> false)
                // Followed in fetch(), so that the address guard sees every hop before it is connected to.
                .disableRedirectHandling()
                .disableAutomaticRetries()
                // gzip is unpacked by LimitedBody, within the size limit.
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                // The JVM's proxy settings, as the JDK's client had them; tests route to a trap through this.
                .setRoutePlanner(new SystemDefaultRoutePlanner(proxySelector != null ? proxySelector : ProxySelector.getDefault()))
                .build();
    }

    private static ExecutorService downloadThreads() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "wavelength-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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

    private FetchResult fetch(URI url, Validators validators, String subject) {
        FeedUrls.parse(url == null ? null : url.toString());
        long deadline = System.nanoTime() + readTimeout.toNanos();
        Set<String> visited = new HashSet<>();
        visited.add(RedirectTargets.loopKey(url));
        URI current = url;
        AddressGuard.Hop via = null;
        URI permanentRedirect = null;
        boolean onlyPermanentSoFar = true;
        for (int redirects = 0; ; redirects++) {
            addressGuard.check(subject, url, current, via);
            Answer response;
            try {
                response = get.exchange(current, validators, deadline);
            } catch (ConditionalGet.RefusedAtConnect e) {
                PrivateAddressException refused = AddressGuard.refused(subject, url, current, via, e.refusal());
                PrivateAddressException rebound = new PrivateAddressException(refused.getMessage() + " Its address "
                        + "changed between the check and the connection (DNS rebinding), so it was not connected to.");
                rebound.initCause(e);
                throw rebound;
            }
            int status = response.statusCode();
            if (!RedirectTargets.isFollowed(status)) {
                return FinalResponse.read(url, current, response, validators, permanentRedirect);
            }
            URI next = RedirectTargets.target(url, current, response);
            if (!visited.add(RedirectTargets.loopKey(next))) {
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
            via = new AddressGuard.Hop(current, status);
            current = next;
        }
    }
}

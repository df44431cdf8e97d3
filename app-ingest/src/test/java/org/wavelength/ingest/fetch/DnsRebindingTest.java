package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DNS rebinding: a name that answers an allowed address when the guard looks and a private one when
 * the client connects. Public addresses cannot be reached from a test, so the guard is told to allow
 * one loopback address, 127.0.0.5, where the "public" feed server listens; the private service is a
 * server on 127.0.0.1 on the same port, which stays refused as loopback. The names exist only in the
 * swapped resolver, so whatever connects to them used that resolver, not the system's DNS.
 */
@Timeout(30)
class DnsRebindingTest {

    private static final String PLAYS_PUBLIC = "127.0.0.5";
    private static final String FEED = "<rss version=\"2.0\"><channel><title>Rebound</title></channel></rss>";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final LoopbackServer publicServer = new LoopbackServer(PLAYS_PUBLIC, 0);
    private final LoopbackServer privateService = new LoopbackServer("127.0.0.1", publicServer.port());
    private final ConnectionTrap trap = new ConnectionTrap();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws IOException {
        publicServer.close();
        privateService.close();
        trap.close();
    }

    /**
     * feeds.example.test always answers the allowed address; rebind.example.test answers it the first
     * time and 127.0.0.1 ever after, as a name with a zero TTL whose owner flips it.
     */
    private InetAddress[] resolve(String host) throws UnknownHostException {
        int call = lookups.computeIfAbsent(host, name -> new AtomicInteger()).incrementAndGet();
        return switch (host) {
            case "feeds.example.test" -> new InetAddress[] {InetAddress.getByName(PLAYS_PUBLIC)};
            case "rebind.example.test" -> new InetAddress[] {InetAddress.getByName(call == 1 ? PLAYS_PUBLIC : "127.0.0.1")};
            default -> throw new UnknownHostException(host); // never real DNS
        };
    }

    private FeedFetcher fetcher() {
        AddressPolicy policy = AddressPolicy.publicOnly(this::resolve, Set.of(ip(PLAYS_PUBLIC)));
        return new FeedFetcher("WavelengthTest/1.0", TIMEOUT, TIMEOUT, 1024 * 1024, policy,
                trap.onlyDirectToPort(publicServer.port()));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private URI url(String host, String path) {
        return URI.create("http://" + host + ":" + publicServer.port() + path);
    }

    private void assertThePrivateServiceWasNeverReached() {
        assertThat(privateService.requests()).as("requests to the private service").isEmpty();
        assertThat(trap.connections()).as("connections that got past the guard").isZero();
    }

    @Test
    void connectsToTheAddressTheGuardChecked() {
        publicServer.serveFeed("/feed.xml", FEED);

        FetchedDocument document = fetcher().fetch(url("feeds.example.test", "/feed.xml"));

        assertThat(new String(document.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(publicServer.requestedPaths()).containsExactly("/feed.xml");
        assertThat(publicServer.requests().get(0).headers().getFirst("Host")).isEqualTo("feeds.example.test:" + publicServer.port());
        assertThePrivateServiceWasNeverReached();
    }

    @Test
    void refusesAFeedWhoseNameTurnsPrivateBetweenTheCheckAndTheConnection() {
        publicServer.serveFeed("/feed.xml", FEED);
        privateService.serveFeed("/feed.xml", "internal data");
        URI feed = url("rebind.example.test", "/feed.xml");

        assertThatThrownBy(() -> fetcher().fetch(feed, Validators.NONE))
                .isInstanceOf(PrivateAddressException.class)
                .hasMessageStartingWith("The feed address points to a private or local network address "
                        + "(rebind.example.test is 127.0.0.1, loopback)")
                .hasMessageContaining("DNS rebinding");
        assertThat(lookups.get("rebind.example.test").get()).as("lookups: the guard's, then the connection's").isEqualTo(2);
        assertThat(publicServer.requests()).isEmpty();
        assertThePrivateServiceWasNeverReached();
    }

    @Test
    void refusesItOnARedirectHopToo() {
        publicServer.redirect("/start", 302, url("rebind.example.test", "/secret").toString());
        privateService.serveFeed("/secret", "internal data");

        assertThatThrownBy(() -> fetcher().fetch(url("feeds.example.test", "/start"), Validators.NONE))
                .isInstanceOf(PrivateAddressException.class)
                .hasMessageContaining("is redirected (HTTP 302) to " + url("rebind.example.test", "/secret"))
                .hasMessageContaining("(rebind.example.test is 127.0.0.1, loopback)")
                .hasMessageContaining("DNS rebinding");
        assertThat(publicServer.requestedPaths()).containsExactly("/start");
        assertThePrivateServiceWasNeverReached();
    }

    @Test
    void refusesItForTranscriptsAndChapters() {
        privateService.serveFeed("/episode.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\ninternal data\n");

        // Transcripts and chapters are fetched unconditionally, through the same guarded client.
        assertThatThrownBy(() -> fetcher().fetch(url("rebind.example.test", "/episode.vtt")))
                .isInstanceOf(PrivateAddressException.class)
                .hasMessageContaining("DNS rebinding");
        assertThePrivateServiceWasNeverReached();
    }
}

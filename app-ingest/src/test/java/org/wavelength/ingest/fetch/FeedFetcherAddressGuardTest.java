package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard in the fetcher. Nothing here may reach past loopback: refused addresses are IP
 * literals or names from a fake resolver (no DNS), and the fetcher's proxy selector sends every
 * request not meant for the loopback server to a {@link ConnectionTrap}, which must stay untouched.
 */
@Timeout(30)
class FeedFetcherAddressGuardTest {

    private static final String FEED = "<rss version=\"2.0\"><channel><title>Guarded</title></channel></rss>";
    private static final String UA = "WavelengthTest/1.0";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The loopback address that {@link #guardedWithFakeDns} allows as if it were public. */
    private static final String PLAYS_PUBLIC = "127.0.0.5";

    private final LoopbackServer server = new LoopbackServer();
    /** A feed host on the public internet, as far as {@link #guardedWithFakeDns} is concerned. */
    private final LoopbackServer publicServer = new LoopbackServer(PLAYS_PUBLIC, 0);
    private final ConnectionTrap trap = new ConnectionTrap();

    @AfterEach
    void stop() throws IOException {
        server.close();
        publicServer.close();
        trap.close();
    }

    /** Public-only, with the system resolver: used for IP literals and "localhost" only. */
    private FeedFetcher guarded() {
        return new FeedFetcher(UA, TIMEOUT, TIMEOUT, 1024 * 1024, AddressPolicy.publicOnly(), trap.onlyDirectTo(server));
    }

    /**
     * Public-only, with a fake resolver and the loopback server's own address (127.0.0.5, see
     * {@link #server}) allowed as if it were public, so that it can play a public feed host that
     * redirects somewhere private; 127.0.0.1 and every other address are judged as usual.
     */
    private FeedFetcher guardedWithFakeDns(Map<String, String[]> names) {
        AddressPolicy policy = AddressPolicy.publicOnly(host -> {
            String[] addresses = names.get(host);
            if (addresses == null) {
                if (!host.contains(":") && !host.matches("[0-9.]+")) {
                    throw new UnknownHostException(host); // never real DNS
                }
                addresses = new String[] {host};
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]); // literals only: no lookup
            }
            return resolved;
        }, Set.of(ip(PLAYS_PUBLIC)));
        return new FeedFetcher(UA, TIMEOUT, TIMEOUT, 1024 * 1024, policy, trap.onlyDirectTo(publicServer));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private void assertNothingWasContacted() {
        assertThat(server.requests()).as("requests to the loopback server").isEmpty();
        assertThat(trap.connections()).as("connections that got past the guard").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:{port}/feed.xml",
            "http://127.1.2.3:{port}/feed.xml",
            "http://localhost:{port}/feed.xml",
            "http://[::1]:{port}/feed.xml",
            "http://0.0.0.0:{port}/feed.xml",
            "http://[::]:{port}/feed.xml",
            "http://[::ffff:127.0.0.1]:{port}/feed.xml",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://169.254.10.20/",
            "http://[fe80::1]/",
            "http://10.0.0.1/feed.xml",
            "https://10.0.0.1/feed.xml",
            "http://172.16.5.4/feed.xml",
            "http://172.31.0.1/feed.xml",
            "http://192.168.1.1/feed.xml",
            "http://[fc00::1]/feed.xml",
            "http://[fd12:3456::1]/feed.xml",
            "http://100.64.0.1/feed.xml",
            "http://224.0.0.1/feed.xml",
            "http://[ff02::1]/feed.xml",
            "http://[::ffff:10.0.0.1]/feed.xml",
            "http://[::ffff:169.254.169.254]/latest/meta-data/",
    })
    void refusesEveryLocalAddressClassBeforeConnecting(String template) {
        URI url = URI.create(template.replace("{port}", String.valueOf(server.port())));
        server.serveFeed("/feed.xml", FEED);

        assertThatThrownBy(() -> guarded().fetch(url, Validators.NONE))
                .isInstanceOf(PrivateAddressException.class)
                .hasMessageStartingWith("The feed address points to a private or local network address (")
                .hasMessageContaining("wavelength.ingest.allow-private-hosts=true")
                .hasMessageEndingWith("(" + url + ")");
        assertNothingWasContacted();
    }

    @Test
    void explainsTheRefusalToAnAdmin() {
        assertThatThrownBy(() -> guarded().fetch(URI.create("http://10.0.0.1/feed.xml"), Validators.NONE))
                .hasMessage("The feed address points to a private or local network address (10.0.0.1, private network), "
                        + "which is not allowed: only servers on the public internet are fetched from. For local tests "
                        + "and demos, an administrator can allow such addresses with "
                        + "wavelength.ingest.allow-private-hosts=true. (http://10.0.0.1/feed.xml)");
        assertThatThrownBy(() -> guarded().fetch(URI.create("http://169.254.169.254/latest/meta-data/")))
                .hasMessageStartingWith("The address points to a private or local network address "
                        + "(169.254.169.254, cloud metadata service), which is not allowed");
        assertNothingWasContacted();
    }

    @Test
    void isOnByDefaultAndOffOnlyWhenPrivateHostsAreAllowed() {
        server.serveFeed("/feed.xml", FEED);
        FeedFetcher byDefault = new FeedFetcher(UA, TIMEOUT, TIMEOUT, 1024 * 1024);
        FeedFetcher strict = new FeedFetcher(UA, TIMEOUT, TIMEOUT, 1024 * 1024, false);
        FeedFetcher lenient = new FeedFetcher(UA, TIMEOUT, TIMEOUT, 1024 * 1024, true);

        assertThatThrownBy(() -> byDefault.fetch(server.url("/feed.xml"))).isInstanceOf(PrivateAddressException.class);
        assertThatThrownBy(() -> strict.fetch(server.url("/feed.xml"))).isInstanceOf(PrivateAddressException.class);
        assertThat(server.requests()).isEmpty();

        assertThat(lenient.fetch(server.url("/feed.xml")).body()).isNotEmpty();
        assertThat(server.requestedPaths()).containsExactly("/feed.xml");
    }

    @Test
    void refusesANameWithAnyPrivateAddress() {
        FeedFetcher fetcher = guardedWithFakeDns(Map.of("intranet.example.test", new String[] {"203.0.113.5", "10.1.2.3"}));

        assertThatThrownBy(() -> fetcher.fetch(URI.create("https://intranet.example.test/feed.xml"), Validators.NONE))
                .isInstanceOf(PrivateAddressException.class)
                .hasMessageContaining("(intranet.example.test is 10.1.2.3, private network)");
        assertNothingWasContacted();
    }

    @Test
    void explainsANameThatDoesNotResolveWithoutConnecting() {
        FeedFetcher fetcher = guardedWithFakeDns(Map.of());

        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://nowhere.example.test/feed.xml")))
                .isInstanceOf(FetchException.class)
                .hasMessage("Could not find the server nowhere.example.test (DNS lookup failed). "
                        + "Check the address, or the network connection.");
        assertNothingWasContacted();
    }

    @Test
    void fetchesFromAnAddressThatPasses() {
        publicServer.serveFeed("/feed.xml", FEED);

        FetchedDocument document = guardedWithFakeDns(Map.of()).fetch(publicServer.url("/feed.xml"));

        assertThat(document.finalUri()).isEqualTo(publicServer.url("/feed.xml"));
        assertThat(trap.connections()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://10.0.0.1/feed.xml",
            "https://192.168.0.1/feed.xml",
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://[::1]:{port}/secret",
            "http://localhost:{port}/secret",
            "http://internal.example.test/feed.xml",
            "http://rebound.example.test:{port}/secret",
    })
    void refusesARedirectToAPrivateAddressBeforeFollowingIt(String template) {
        String target = template.replace("{port}", String.valueOf(server.port()));
        publicServer.redirect("/feed.xml", 302, target);
        server.serveFeed("/secret", "internal data");
        FeedFetcher fetcher = guardedWithFakeDns(Map.of(
                "localhost", new String[] {"127.0.0.1"},
                "internal.example.test", new String[] {"192.168.0.10"},
                "rebound.example.test", new String[] {"203.0.113.7", "127.0.0.1"}));

        assertThatThrownBy(() -> fetcher.fetch(publicServer.url("/feed.xml"), Validators.NONE))
                .isInstanceOf(PrivateAddressException.class)
                .hasMessageStartingWith("The feed address " + publicServer.url("/feed.xml") + " is redirected (HTTP 302) to "
                        + target + ", a private or local network address (")
                .hasMessageContaining("which is not allowed");
        assertThat(publicServer.requestedPaths()).containsExactly("/feed.xml");
        assertThat(server.requests()).as("requests to the private server").isEmpty();
        assertThat(trap.connections()).isZero();
    }

    @Test
    void checksEveryHopNotJustTheFirstRedirect() {
        publicServer.redirect("/a", 301, "/b");
        publicServer.redirect("/b", 307, "http://10.20.30.40/feed.xml");
        FeedFetcher fetcher = guardedWithFakeDns(Map.of());

        assertThatThrownBy(() -> fetcher.fetch(publicServer.url("/a")))
                .isInstanceOf(PrivateAddressException.class)
                .hasMessageStartingWith("The address " + publicServer.url("/a") + " is redirected (HTTP 307 from "
                        + publicServer.url("/b") + ") to http://10.20.30.40/feed.xml, a private or local network address "
                        + "(10.20.30.40, private network)");
        assertThat(publicServer.requestedPaths()).containsExactly("/a", "/b");
        assertThat(trap.connections()).isZero();
    }

    @Test
    void theTrapCatchesWhatTheGuardWouldLetThrough() {
        // Proves the safety net of this class works: with the guard off, the request reaches the trap,
        // on loopback, and never the private address it names.
        FeedFetcher unguarded = new FeedFetcher(UA, TIMEOUT, TIMEOUT, 1024, AddressPolicy.allowAll(), trap.onlyDirectTo(server));

        assertThatThrownBy(() -> unguarded.fetch(URI.create("http://10.0.0.1/feed.xml"))).isInstanceOf(FetchException.class);
        assertThat(trap.connections()).isPositive();
    }
}

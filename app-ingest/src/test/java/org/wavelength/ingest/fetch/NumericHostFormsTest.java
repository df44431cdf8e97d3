package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numeric hosts that programs read differently: Java reads 0177.0.0.1 as 177.0.0.1 (public), a
 * browser or a resolver after WHATWG or inet_aton as 127.0.0.1 (loopback). Whatever the guard would
 * decide, the reading is ambiguous, so such hosts are refused as addresses, before any lookup.
 */
@Timeout(30)
class NumericHostFormsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final LoopbackServer server = new LoopbackServer();
    private final ConnectionTrap trap = new ConnectionTrap();

    @AfterEach
    void stop() throws IOException {
        server.close();
        trap.close();
    }

    private FeedFetcher guarded() {
        return new FeedFetcher("WavelengthTest/1.0", TIMEOUT, TIMEOUT, 1024 * 1024, AddressPolicy.publicOnly(),
                trap.onlyDirectTo(server));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0177.0.0.1        | a leading zero",
            "0127.0.0.1        | a leading zero",
            "127.0.0.01        | a leading zero",
            "00.0.0.0          | a leading zero",
            "010.0.0.1         | a leading zero",
            "0x7f.0.0.1        | hexadecimal",
            "0X7F.1            | hexadecimal",
            "0x7f000001        | hexadecimal",
            "127.0x0.0.1       | hexadecimal",
            "127.1             | fewer than four parts",
            "127.0.1           | fewer than four parts",
            "2130706433        | fewer than four parts",
            "017700000001      | a leading zero",
            "1.2.3.4.5         | more than four parts",
            "1.2.3.256         | larger than 255",
            "127.0.0.1.        | ends with a dot",
            "intranet.0x7f     | ends in a number",
            "feeds.example.123 | ends in a number",
    })
    void refusesAnAmbiguousNumericHost(String host, String why) {
        assertThatThrownBy(() -> FeedUrls.parse("http://" + host + ":8080/feed.xml"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageContaining("'" + host + "' is a numeric server address in an ambiguous form")
                .hasMessageContaining(why)
                .hasMessageContaining("four decimal numbers");
    }

    @Test
    void neverFetchesFromTheOctalLookingAddressTheJdkReadsAsPublic() {
        URI octal = URI.create("http://0177.0.0.1:" + server.port() + "/feed.xml");
        server.serveFeed("/feed.xml", "<rss version=\"2.0\"><channel><title>x</title></channel></rss>");

        assertThatThrownBy(() -> guarded().fetch(octal, Validators.NONE))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageContaining("'0177.0.0.1' is a numeric server address in an ambiguous form");
        assertThat(server.requests()).isEmpty();
        assertThat(trap.connections()).as("connections that got past the guard").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "127.1", "0x7f.1", "2130706433"})
    void refusesARedirectToAnAmbiguousNumericHost(String host) {
        String target = "http://" + host + ":" + server.port() + "/secret";
        server.redirect("/feed.xml", 302, target);
        server.serveFeed("/secret", "internal data");
        FeedFetcher lenient = new FeedFetcher("WavelengthTest/1.0", TIMEOUT, TIMEOUT, 1024 * 1024,
                AddressPolicy.allowAll(), trap.onlyDirectTo(server));

        assertThatThrownBy(() -> lenient.fetch(server.url("/feed.xml")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("a redirect to " + target)
                .hasMessageContaining("'" + host + "' is a numeric server address in an ambiguous form");
        assertThat(server.requestedPaths()).containsExactly("/feed.xml");
        assertThat(trap.connections()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://203.0.113.10/feed.xml",
            "http://8.8.8.8:8080/feed.xml",
            "https://1.1.1.1/",
            "http://0.0.0.0/feed.xml",
            "https://255.255.255.255/",
            "https://feeds.example.com/podcast.rss",
            "https://1e100.net/feed",
            "https://123.example.com/feed",
            "https://user@feeds.example.com:8443/feed",
            "https://example.com./feed",
            "https://[2001:db8::1]/feed.xml",
            "https://[::1]:8443/feed.xml",
            "https://[::ffff:127.0.0.1]/feed.xml",
    })
    void acceptsTheOrdinaryForms(String url) {
        assertThat(FeedUrls.parse(url)).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[fd00::1]", "[fe80::1]"})
    void stillRefusesPrivateIpv6FormsAsPrivateAddresses(String host) {
        URI url = URI.create("http://" + host + ":" + server.port() + "/feed.xml");

        assertThatThrownBy(() -> guarded().fetch(url, Validators.NONE))
                .isInstanceOf(PrivateAddressException.class)
                .hasMessageContaining("private or local network address");
        assertThat(trap.connections()).isZero();
    }
}

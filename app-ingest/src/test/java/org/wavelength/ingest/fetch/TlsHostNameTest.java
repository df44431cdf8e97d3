package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher connects to the address its resolver checked, yet TLS is about the name: the server's
 * certificate is verified against the host name of the URL, and that name is sent as SNI. A local
 * HTTPS server on 127.0.0.5 (allowed as if public) has a certificate for feeds.example.test only,
 * made with the JDK's keytool for this run.
 */
@Timeout(60)
class TlsHostNameTest {

    private static final String PLAYS_PUBLIC = "127.0.0.5";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path folder;
    private static HttpsServer server;
    private static SSLContext clientTrust;
    private static final List<String> serverNamesSeen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        Path keystore = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "feeds", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=feeds.example.test", "-ext", "SAN=dns:feeds.example.test",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        clientTrust = SSLContext.getInstance("TLS");
        clientTrust.init(null, trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(PLAYS_PUBLIC), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverContext.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(0) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNamesSeen.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/feed.xml", exchange -> {
            byte[] body = "<rss version=\"2.0\"><channel><title>Secure</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static FeedFetcher fetcher() throws UnknownHostException {
        InetAddress local = InetAddress.getByName(PLAYS_PUBLIC);
        AddressPolicy policy = AddressPolicy.publicOnly(host -> {
            if (host.endsWith(".example.test")) {
                return new InetAddress[] {local}; // every test name answers the server's address
            }
            throw new UnknownHostException(host);
        }, Set.of(local));
        return new FeedFetcher("WavelengthTest/1.0", Duration.ofSeconds(5), Duration.ofSeconds(5), 1024 * 1024, policy,
                null, clientTrust);
    }

    private static URI url(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/feed.xml");
    }

    @Test
    void verifiesTheCertificateAgainstTheHostNameAndSendsItAsSni() throws Exception {
        serverNamesSeen.clear();

        FetchedDocument document = fetcher().fetch(url("feeds.example.test"));

        assertThat(new String(document.body(), StandardCharsets.UTF_8)).contains("Secure");
        assertThat(serverNamesSeen).contains("feeds.example.test");
    }

    @Test
    void refusesACertificateForAnotherNameAtTheSameAddress() {
        assertThatThrownBy(() -> fetcher().fetch(url("impostor.example.test")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("Could not open a secure connection to impostor.example.test")
                .hasMessageContaining("No subject alternative DNS name matching impostor.example.test");
    }
}

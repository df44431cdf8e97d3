package org.wavelength.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.wavelength.web.support.Api;
import org.wavelength.web.support.FeedServer;
import org.wavelength.web.support.PostgresAvailable;
import org.wavelength.web.support.WebSession;

/**
 * Two replicas of the packaged PostgreSQL build (target/postgresql/quarkus-app, built by the
 * {@code postgresql-build} execution of app-web/pom.xml), started as two processes against one database
 * (the {@code wavelength.test.pg.*} properties of the pom, as the {@code postgresql-test} run uses), with
 * one configured sign-in key: replica A ingests, replica B is web only ({@code wavelength.ingest.enabled=false}).
 * What one replica does must hold on the other: a sign-in and its sign-out, a chat conversation, the hourly
 * chat allowance, and a feed's lease (only the ingesting replica fetches; with a third, ingesting replica C
 * beside A, each feed should still be fetched once: disabled, it is not yet, see that test).
 *
 * <p>Each replica has its own data directory, and so its own embedded Lucene index: B's index stays empty,
 * and what B finds in the catalogue's vectors is not shared. Sharing the vectors across replicas needs
 * Qdrant ({@code wavelength.index.kind=qdrant}), which runs only on GitHub Actions (it needs Docker), not here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TwoReplicasIT {

    static final String SESSION_KEY = "two-replicas-test-session-key-0123456789abcdef";
    static final String COOKIE = "quarkus-credential";
    static final int VISITOR_MESSAGES_PER_HOUR = 3;
    static final Duration START_TIME = Duration.ofSeconds(150);

    final Path dataRoot = Path.of(System.getProperty("replicas.data-dir", "target/replicas"));
    final List<String> report = new ArrayList<>();
    FeedServer feeds;
    Path app;
    final Map<String, String> common = new LinkedHashMap<>();
    Replica a;
    Replica b;

    /** One running application: its process, port and log. */
    record Replica(String name, Process process, int port, Path log) {

        RequestSpecification request() {
            return given().baseUri("http://127.0.0.1").port(port).redirects().follow(false);
        }

        RequestSpecification asAdmin() {
            return request().auth().preemptive().basic("admin", Api.ADMIN_PASSWORD).contentType(ContentType.JSON);
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    @BeforeAll
    void startTwoReplicas() throws Exception {
        String url = System.getProperty("replicas.pg.url", "jdbc:postgresql://localhost:5432/wavelength_test_rep");
        String user = System.getProperty("replicas.pg.user", "wavelength");
        String password = System.getProperty("replicas.pg.password", "wavelength");
        var postgres = PostgresAvailable.check(url, user, password);
        Assumptions.assumeFalse(postgres.isDisabled(), postgres.getReason().orElse(""));
        app = Path.of(System.getProperty("replicas.app", "target/postgresql/quarkus-app/quarkus-run.jar"));
        assertThat(app).as("the PostgreSQL build (postgresql-build execution of app-web/pom.xml)").exists();
        feeds = FeedServer.start();

        common.put("quarkus.datasource.jdbc.url", url);
        common.put("quarkus.datasource.username", user);
        common.put("quarkus.datasource.password", password);
        common.put("quarkus.http.auth.session.encryption-key", SESSION_KEY);
        common.put("wavelength.admin.password", Api.ADMIN_PASSWORD);
        common.put("wavelength.bootstrap.starter-feeds", "false");
        common.put("wavelength.ingest.allow-private-hosts", "true");
        common.put("wavelength.ingest.poll-interval", "1s");
        common.put("wavelength.chat.anonymous-messages-per-hour", String.valueOf(VISITOR_MESSAGES_PER_HOUR));

        // A first, alone: it empties the database and migrates it, then creates the admin; B joins what A made.
        Map<String, String> first = new LinkedHashMap<>(common);
        first.put("quarkus.flyway.clean-disabled", "false");
        first.put("quarkus.flyway.clean-at-start", "true");
        a = start("a", app, first);
        awaitReady(a);
        Map<String, String> webOnly = new LinkedHashMap<>(common);
        webOnly.put("wavelength.ingest.enabled", "false");
        b = start("b", app, webOnly);
        awaitReady(b);
        say("replica A (ingests) on port " + a.port() + ", replica B (web only) on port " + b.port() + ", database " + url);
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (Replica replica : new Replica[] { a, b }) {
            if (replica != null) {
                replica.process().destroy();
                if (!replica.process().waitFor(20, TimeUnit.SECONDS)) {
                    replica.process().destroyForcibly();
                }
            }
        }
        if (feeds != null) {
            feeds.close();
        }
        report.forEach(line -> System.out.println("[TwoReplicasIT] " + line));
    }

    @Test
    @Order(1)
    void aFeedAddedOnTheWebReplicaIsFetchedOnceByTheIngestingReplicaOnly() {
        List<String> fixtures = List.of("listening/night-sky.xml", "computing-history.xml");
        for (String fixture : fixtures) {
            long id = b.asAdmin().body(Map.of("url", feeds.serveFixture(fixture))).post("/api/admin/feeds").then()
                    .statusCode(202).extract().jsonPath().getLong("id");
            String status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                    () -> b.asAdmin().get("/api/admin/feeds/" + id).then().extract().jsonPath().getString("status"),
                    s -> !s.equals("PENDING") && !s.equals("FETCHING"));
            assertThat(status).as(fixture).isEqualTo("OK");
        }
        for (String fixture : fixtures) {
            assertThat(feeds.requests("/" + fixture)).as("fetches of " + fixture).hasSize(1);
        }
        // Only A indexed them: B's own index (embedded Lucene) holds nothing.
        int onA = indexedEpisodes(a);
        int onB = indexedEpisodes(b);
        assertThat(onA).isPositive();
        assertThat(onB).isZero();
        say("(d) 2 feeds added on B, fetched once each (" + fixtures.stream().map(f -> f + ": "
                + feeds.requests("/" + f).size()).toList() + "), by A: episodes indexed on A " + onA + ", on B " + onB);
    }

    @Test
    @Order(2)
    void aSignInOnOneReplicaHoldsOnTheOtherAndASignOutOnEitherEndsIt() {
        // One browser behind a round-robin proxy: the same cookies go to whichever replica answers.
        CookieFilter browser = new CookieFilter();
        String name = "replicas-listener";
        String password = "a-long-password";
        Document signup = page(b, browser, "/signup");
        b.request().filter(browser).formParam("csrf-token", WebSession.csrf(signup, "form[action=/signup]"))
                .formParam("username", name).formParam("password", password).formParam("confirm", password)
                .post("/signup").then().statusCode(303);

        // The sign-in form's page from B, its post to A: the form's CSRF token holds across replicas too.
        Document login = page(b, browser, "/login");
        String location = a.request().filter(browser)
                .formParam("csrf-token", WebSession.csrf(login, "form[action=/j_security_check]"))
                .formParam("j_username", name).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302).extract().header("Location");
        assertThat(location).as("signed in on A").doesNotContain("error");
        String cookie = browser.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(COOKIE))
                .findFirst().orElseThrow().getValue();
        withCookie(a, cookie, "/api/me/preferences").then().statusCode(200);
        withCookie(b, cookie, "/api/me/preferences").then().statusCode(200);
        assertThat(page(b, browser, "/").select("header .account").text()).contains(name);

        Document home = page(b, browser, "/");
        b.request().filter(browser).formParam("csrf-token", WebSession.csrf(home, "form[action=/logout]"))
                .post("/logout").then().statusCode(303);

        Response onA = withCookie(a, cookie, "/api/me/preferences");
        assertThat(onA.statusCode()).isEqualTo(401);
        assertThat(onA.jsonPath().getString("detail")).contains("session has ended");
        withCookie(b, cookie, "/api/me/preferences").then().statusCode(401);
        say("(a) signed up on B, signed in with the form on A: the cookie is accepted on A and B (200); signed out on B:"
                + " A answers " + onA.statusCode() + " \"" + onA.jsonPath().getString("detail") + "\"");
    }

    @Test
    @Order(3)
    void aConversationBegunOnOneReplicaContinuesOnTheOther() {
        JsonPath first = chat(a, Map.of("message", "astronomy and the night sky"));
        assertThat(first.getString("mode")).isEqualTo("retrieval");
        assertThat(first.getList("items.podcast.title")).contains("Night Sky Notes");
        String conversation = first.getString("conversationId");

        JsonPath followUp = chat(b, Map.of("message", "shorter", "conversationId", conversation));
        // A fresh "shorter" on B, for contrast: it has no earlier request to shorten.
        JsonPath fresh = chat(b, Map.of("message", "shorter"));

        assertThat(followUp.getString("conversationId")).isEqualTo(conversation);
        assertThat(followUp.getString("answer")).as("the follow-up keeps the first request's subject")
                .containsIgnoringCase("night sky").containsIgnoringCase("under");
        assertThat(fresh.getString("conversationId")).isNotEqualTo(conversation);
        assertThat(fresh.getString("answer")).doesNotContainIgnoringCase("night sky");
        say("(b) asked on A \"astronomy and the night sky\" (" + first.getList("items").size() + " items, conversation "
                + conversation + "); \"shorter\" on B, same conversation: \"" + followUp.getString("answer")
                + "\"; without it B answers: \"" + fresh.getString("answer") + "\"");
    }

    @Test
    @Order(4)
    void theHourlyChatAllowanceIsOneAcrossBothReplicas() {
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < VISITOR_MESSAGES_PER_HOUR; i++) {
            Replica replica = i % 2 == 0 ? a : b;
            replica.request().contentType(ContentType.JSON).body(Map.of("message", "jazz")).post("/api/chat").then()
                    .statusCode(200);
            answered.add(replica.name());
        }
        Replica other = answered.get(answered.size() - 1).equals("a") ? b : a;
        Response refused = other.request().contentType(ContentType.JSON).body(Map.of("message", "jazz")).post("/api/chat");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        say("(c) a visitor's allowance of " + VISITOR_MESSAGES_PER_HOUR + " an hour: messages on " + answered
                + " answered 200, the next on " + other.name() + " " + refused.statusCode() + " (Retry-After "
                + refused.header("Retry-After") + "s)");
    }

    /*
     * Failed before FeedStore.claimDue (seen: retro-computing.xml fetched twice): C fetches a feed at once when
     * it is added; A's poll has meanwhile queued the same (then due) feed, and once C let the lease go A's
     * queued refresh took it again. A refresh now claims only a feed that is still due.
     */
    @Test
    @Order(5)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void withTwoIngestingReplicasEachFeedIsStillFetchedOnce() throws Exception {
        // A second ingesting replica, C, beside A: both look for due feeds every second, and only a lease decides.
        Replica c = start("c", app, common);
        try {
            awaitReady(c);
            int onABefore = indexedEpisodes(a);
            List<String> fixtures = List.of("retro-computing.xml", "sourdough.xml", "listening/final-whistle.xml",
                    "listening/weeknight-kitchen.xml");
            List<Long> ids = new ArrayList<>();
            for (String fixture : fixtures) {
                ids.add(c.asAdmin().body(Map.of("url", feeds.serveFixture(fixture))).post("/api/admin/feeds").then()
                        .statusCode(202).extract().jsonPath().getLong("id"));
            }
            for (long id : ids) {
                String status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                        () -> b.asAdmin().get("/api/admin/feeds/" + id).then().extract().jsonPath().getString("status"),
                        s -> !s.equals("PENDING") && !s.equals("FETCHING"));
                assertThat(status).as("feed " + id).isEqualTo("OK");
            }
            sleep(3000); // a few more polls of both: a feed fetched twice would show now
            for (String fixture : fixtures) {
                assertThat(feeds.requests("/" + fixture)).as("fetches of " + fixture).hasSize(1);
            }
            say("(d) with A and C both ingesting, 4 feeds added on C were fetched once each (" + fixtures.stream()
                    .map(f -> f + ": " + feeds.requests("/" + f).size()).toList() + "); episodes indexed since: A "
                    + (indexedEpisodes(a) - onABefore) + ", C " + indexedEpisodes(c));
        } finally {
            c.process().destroy();
            if (!c.process().waitFor(20, TimeUnit.SECONDS)) {
                c.process().destroyForcibly();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Replica start(String name, Path app, Map<String, String> settings) throws IOException {
        Path dataDir = dataRoot.resolve(name).toAbsolutePath();
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dwavelength.data-dir=" + dataDir));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app.toAbsolutePath().toString()));
        Path log = dataRoot.resolve(name + ".log").toAbsolutePath();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Replica(name, process, port, log);
    }

    private static void awaitReady(Replica replica) {
        long deadline = System.nanoTime() + START_TIME.toNanos();
        while (System.nanoTime() < deadline) {
            if (!replica.process().isAlive()) {
                throw new AssertionError("replica " + replica.name() + " stopped (exit " + replica.process().exitValue()
                        + "):\n" + replica.logTail());
            }
            try {
                if (replica.request().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) { // RestAssured throws ConnectException undeclared
                // retried below
            }
            sleep(500);
        }
        throw new AssertionError("replica " + replica.name() + " not ready after " + START_TIME + ":\n" + replica.logTail());
    }

    private static int indexedEpisodes(Replica replica) {
        return replica.request().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getInt("checks.find { it.name == 'vector-index' }.data.episodes");
    }

    private static Document page(Replica replica, CookieFilter cookies, String path) {
        return Jsoup.parse(replica.request().filter(cookies).get(path).then().statusCode(200).extract().asString());
    }

    private static Response withCookie(Replica replica, String cookie, String path) {
        return replica.request().cookie(COOKIE, cookie).get(path);
    }

    private static JsonPath chat(Replica replica, Map<String, String> body) {
        return replica.asAdmin().body(body).post("/api/chat").then().statusCode(200).extract().jsonPath();
    }

    private void say(String line) {
        report.add(line);
        System.out.println("[TwoReplicasIT] " + line);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

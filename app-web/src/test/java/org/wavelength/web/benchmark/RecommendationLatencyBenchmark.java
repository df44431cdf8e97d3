package org.wavelength.web.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.Embedders;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.core.port.VectorStore;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.core.recommend.UserProfiles;
import org.wavelength.web.security.AccessTokens;
import org.wavelength.web.security.UserAccount;

/**
 * Latency of {@code GET /api/me/recommendations} for a listener with 50 interactions in a catalogue of
 * 100,000 episodes (1,000 podcasts of 100), 2,000 other listeners with 50 interactions each, on the
 * embedded default (H2, Lucene HNSW), over HTTP with Basic auth, beside the raw k-NN query time of
 * the same index in the same run; and what authentication alone costs a request, by how it is made (Basic with
 * the password, a personal access token as Bearer or as Basic's password, the session cookie). Printed, never asserted.
 *
 * <p>The catalogue is written straight to the database and its vectors straight to the index:
 * embedding 100,000 texts takes about a quarter of an hour on two cores and says nothing about
 * recommendation latency. The vectors are synthetic sentence-embedding-like vectors of 384
 * dimensions (see {@link VectorSearchBenchmark.Embeddings}); each podcast has one topic, listeners
 * engage with the episodes of three podcasts (so three topics at most). Listener vectors are computed by the product's own
 * {@link UserProfiles#refresh}.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmark -pl app-web -am -Dtest=RecommendationLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (smaller with {@code -Dbenchmark.episodes=20000}).
 */
@QuarkusTest
class RecommendationLatencyBenchmark {

    static final int PER_PODCAST = 100;
    static final int INTERACTIONS = 50;
    static final int WARM_UP = 100;
    static final int REQUESTS = 500;
    static final long ID_BASE = 10_000_000L; // far above the sequences' ranges
    static final String PASSWORD = "benchmark-password";

    @Inject
    DataSource dataSource;

    @Inject
    VectorStore store;

    @Inject
    Embedders embedders;

    @Inject
    SegmentedIndex index;

    @Inject
    UserProfiles profiles;

    @Inject
    Recommendations recommendations;

    @Inject
    AccessTokens tokens;

    @TestHTTPResource("/")
    URI base;

    final Random random = new Random(20261130);
    final VectorSearchBenchmark.Embeddings embeddings = new VectorSearchBenchmark.Embeddings(random);

    @Test
    void recommendationLatency() throws Exception {
        int episodes = Integer.getInteger("benchmark.episodes", 100_000);
        int podcasts = episodes / PER_PODCAST;
        int listeners = Integer.getInteger("benchmark.listeners", 2_000);
        long started = System.nanoTime();

        int[] topicOf = new int[podcasts];
        for (int p = 0; p < podcasts; p++) {
            topicOf[p] = random.nextInt(VectorSearchBenchmark.TOPICS);
        }
        writeCatalogue(podcasts, topicOf);
        writeVectors(podcasts, topicOf);
        long catalogueDone = System.nanoTime();

        long measured = QuarkusTransaction.requiringNew().call(() -> UserAccount.create("bench", PASSWORD, "user").id);
        List<Long> others = writeListeners(listeners, podcasts);
        writeInteractions(measured, podcasts);
        profiles.refresh(measured);
        others.forEach(profiles::refresh);
        long listenersDone = System.nanoTime();
        System.out.printf("Setup: %,d episodes of %,d podcasts in %.1f s; %,d listeners x %d interactions and their vectors in %.1f s%n",
                episodes, podcasts, (catalogueDone - started) / 1e9, listeners + 1, INTERACTIONS,
                (listenersDone - catalogueDone) / 1e9);

        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("bench:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        System.out.printf("%-34s %9s %9s %9s%n", "GET /api/me/recommendations", "p50 ms", "p99 ms", "mean ms");
        for (String strategy : List.of("blend", "profile", "recent", "similar-users")) {
            URI uri = base.resolve("api/me/recommendations?limit=10&strategy=" + strategy);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth).GET().build();
            for (int i = 0; i < WARM_UP; i++) {
                send(http, request);
            }
            double[] millis = new double[REQUESTS];
            int items = 0;
            for (int i = 0; i < REQUESTS; i++) {
                long t = System.nanoTime();
                String body = send(http, request);
                millis[i] = (System.nanoTime() - t) / 1e6;
                items = body.split("\"reason\"", -1).length - 1;
            }
            print("strategy=" + strategy + " (" + items + " items)", millis);
        }

        // What every authenticated request pays before any recommending, by how it is authenticated: HTTP
        // Basic with the password checks the bcrypt hash each time; a personal access token (Bearer, or as
        // Basic's password) is one read of its SHA-256; the browser's session cookie is opened and checked.
        String token = tokens.create(measured, "benchmark").secret();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(browser, "bench", PASSWORD);
        URI preferences = base.resolve("api/me/preferences");
        String tokenAsBasic = "Basic " + Base64.getEncoder().encodeToString(("bench:" + token).getBytes(StandardCharsets.UTF_8));
        System.out.printf("%-34s %9s %9s %9s%n", "GET /api/me/preferences (auth only)", "p50 ms", "p99 ms", "mean ms");
        measure("Basic, password (bcrypt)", http, HttpRequest.newBuilder(preferences).header("Authorization", auth).GET().build());
        measure("Bearer token", http, HttpRequest.newBuilder(preferences).header("Authorization", "Bearer " + token).GET().build());
        measure("Basic, token as password", http, HttpRequest.newBuilder(preferences).header("Authorization", tokenAsBasic).GET().build());
        measure("session cookie", browser, HttpRequest.newBuilder(preferences).GET().build());
        measure("blend, Bearer token", http, HttpRequest.newBuilder(base.resolve("api/me/recommendations?limit=10&strategy=blend"))
                .header("Authorization", "Bearer " + token).GET().build());

        System.out.printf("%-34s %9s %9s %9s%n", "Recommendations.recommend, in process", "p50 ms", "p99 ms", "mean ms");
        for (Strategy strategy : List.of(Strategy.BLEND, Strategy.PROFILE, Strategy.RECENT, Strategy.SIMILAR_USERS)) {
            Recommendations.Request request = new Recommendations.Request(measured, strategy, 10, VectorFilter.ALL);
            for (int i = 0; i < WARM_UP; i++) {
                recommendations.recommend(request);
            }
            double[] inProcess = new double[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long t = System.nanoTime();
                recommendations.recommend(request);
                inProcess[i] = (System.nanoTime() - t) / 1e6;
            }
            print("strategy=" + strategy.apiName(), inProcess);
        }

        String segment = Segments.of("en");
        float[] profile = index.vectorOf(segment, PointIds.of(ItemKind.USER, measured)).orElseThrow();
        VectorQuery raw = VectorQuery.of(profile, VectorFilter.kind(ItemKind.EPISODE), 10);
        for (int i = 0; i < WARM_UP; i++) {
            index.search(segment, raw);
        }
        double[] millis = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t = System.nanoTime();
            index.search(segment, raw);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        print("raw k-NN, k=10 (in process)", millis);
    }

    private static void measure(String what, HttpClient http, HttpRequest request) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            send(http, request);
        }
        double[] millis = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t = System.nanoTime();
            send(http, request);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        print(what, millis);
    }

    /** Signs in with the form, as a browser does: the login page's CSRF token, then the post; the cookie stays in the client. */
    private void signIn(HttpClient browser, String username, String password) throws Exception {
        String login = send(browser, HttpRequest.newBuilder(base.resolve("login")).GET().build());
        String csrf = Jsoup.parse(login).select("form[action=/j_security_check] input[name=csrf-token]").attr("value");
        String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&csrf-token=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(base.resolve("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Signing in failed: " + signedIn.statusCode() + " " + location);
        }
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static void print(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%-34s %9.2f %9.2f %9.2f%n", what, VectorSearchBenchmark.percentile(sorted, 0.50),
                VectorSearchBenchmark.percentile(sorted, 0.99), Arrays.stream(millis).average().orElse(0));
    }

    private void writeCatalogue(int podcasts, int[] topicOf) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement feed = c.prepareStatement(
                    "insert into feed (id, url, status, created_at) values (?, ?, 'OK', ?)");
                    PreparedStatement podcast = c.prepareStatement(
                            "insert into podcast (id, feed_id, title, description, language, explicit, updated_at)"
                                    + " values (?, ?, ?, ?, 'en', false, ?)");
                    PreparedStatement episode = c.prepareStatement(
                            "insert into episode (id, podcast_id, guid, title, description, published_at,"
                                    + " duration_seconds, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int p = 0; p < podcasts; p++) {
                    long id = ID_BASE + p;
                    feed.setLong(1, id);
                    feed.setString(2, "https://bench.example/" + p + ".xml");
                    feed.setTimestamp(3, now);
                    feed.addBatch();
                    podcast.setLong(1, id);
                    podcast.setLong(2, id);
                    podcast.setString(3, "Podcast " + p + " on topic " + topicOf[p]);
                    podcast.setString(4, "A show about topic " + topicOf[p]);
                    podcast.setTimestamp(5, now);
                    podcast.addBatch();
                    for (int e = 0; e < PER_PODCAST; e++) {
                        long episodeId = episodeId(p, e);
                        episode.setLong(1, episodeId);
                        episode.setLong(2, id);
                        episode.setString(3, "guid-" + episodeId);
                        episode.setString(4, "Episode " + e + " of podcast " + p);
                        episode.setString(5, "Notes of episode " + e);
                        episode.setTimestamp(6, Timestamp.from(Instant.now().minus(e * 7L, ChronoUnit.DAYS)));
                        episode.setInt(7, 600 + random.nextInt(5400));
                        episode.setTimestamp(8, now);
                        episode.addBatch();
                    }
                    if (p % 50 == 49 || p == podcasts - 1) {
                        feed.executeBatch();
                        podcast.executeBatch();
                        episode.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }

    private void writeVectors(int podcasts, int[] topicOf) {
        String segment = Segments.of("en");
        String model = embedders.forSegment(segment).modelName();
        String collection = Segments.collection(segment, model, 1);
        store.createCollection(collection, VectorSearchBenchmark.DIMENSION);
        store.setAlias(Segments.alias(segment), collection);
        List<VectorPoint> batch = new ArrayList<>();
        for (int p = 0; p < podcasts; p++) {
            long podcastId = ID_BASE + p;
            batch.add(new VectorPoint(PointIds.of(ItemKind.PODCAST, podcastId), new PointPayload(ItemKind.PODCAST,
                    podcastId, podcastId, null, "en", List.of(), false, null, null, null, null), "Podcast " + p,
                    embeddings.around(topicOf[p])));
            for (int e = 0; e < PER_PODCAST; e++) {
                long episodeId = episodeId(p, e);
                batch.add(new VectorPoint(PointIds.of(ItemKind.EPISODE, episodeId), new PointPayload(ItemKind.EPISODE,
                        episodeId, podcastId, episodeId, "en", List.of(), false, 1800,
                        Instant.now().minus(e * 7L, ChronoUnit.DAYS), null, null),
                        "Episode " + e + " of podcast " + p, embeddings.around(topicOf[p])));
            }
            if (batch.size() >= 1_000 || p == podcasts - 1) {
                store.upsert(collection, batch);
                batch.clear();
            }
        }
    }

    private List<Long> writeListeners(int count, int podcasts) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement user = c.prepareStatement(
                        "insert into app_user (id, username, username_key, password_hash, roles, created_at)"
                                + " values (?, ?, ?, 'x', 'user', ?)")) {
            for (int i = 0; i < count; i++) {
                long id = ID_BASE + i;
                user.setLong(1, id);
                user.setString(2, "listener-" + i);
                user.setString(3, "listener-" + i); // V11: the lower-cased name, unique and required
                user.setTimestamp(4, Timestamp.from(Instant.now()));
                user.addBatch();
                ids.add(id);
            }
            user.executeBatch();
        }
        for (long id : ids) {
            writeInteractions(id, podcasts);
        }
        return ids;
    }

    private long nextInteraction = ID_BASE;

    /** 50 interactions with episodes of two or three podcasts: plays, completions, likes, a dislike, a follow. */
    private void writeInteractions(long userId, int podcasts) throws SQLException {
        int[] favourites = {random.nextInt(podcasts), random.nextInt(podcasts), random.nextInt(podcasts)};
        String[] types = {"PLAY", "PROGRESS", "COMPLETE", "LIKE"};
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into interaction (id, user_id, podcast_id, episode_id,"
                        + " type, position_seconds, occurred_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < INTERACTIONS; i++) {
                int p = favourites[random.nextInt(favourites.length)];
                String type = i == 0 ? "DISLIKE" : i == 1 ? "SUBSCRIBE" : types[random.nextInt(types.length)];
                insert.setLong(1, nextInteraction++);
                insert.setLong(2, userId);
                insert.setLong(3, ID_BASE + p);
                if (type.equals("SUBSCRIBE")) {
                    insert.setNull(4, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(4, episodeId(p, random.nextInt(PER_PODCAST)));
                }
                insert.setString(5, type);
                if (type.equals("PROGRESS")) {
                    insert.setInt(6, 300 + random.nextInt(1500));
                } else {
                    insert.setNull(6, java.sql.Types.INTEGER);
                }
                insert.setTimestamp(7, Timestamp.from(Instant.now().minus(random.nextInt(60 * 24 * 60), ChronoUnit.MINUTES)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long episodeId(int podcast, int episode) {
        return ID_BASE + (long) podcast * PER_PODCAST + episode;
    }
}

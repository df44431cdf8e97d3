package org.wavelength.web.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A catalogue of known feeds, ingested from a folder on start, so that counts are exact: the
 * fixtures of {@code feeds/browse/} (their {@code {{feeds}}} is the folder's address, for podroll
 * links by feed URL) and, when {@code -Dcorpus.dir} names the shared data, four real Podcasting 2.0
 * feeds. Every test class with this profile shares the one application.
 */
public class BrowseCatalogue implements QuarkusTestProfile {

    static final List<String> FIXTURES = List.of("open-shelves.xml", "paper-trail.xml", "night-reading.xml");
    public static final List<String> REAL_FEEDS = List.of("pc20rss.xml", "1865.xml", "themnshow.xml",
            "podcast-namespace-example.xml");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("wavelength.bootstrap.feeds-dir", folder().toString());
    }

    /** Waits until every feed of the folder is a podcast; returns their ids by title. */
    public static Map<String, Long> awaitIngested() {
        int expected = FIXTURES.size() + (realFeeds() == null ? 0 : REAL_FEEDS.size());
        io.restassured.path.json.JsonPath page = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> io.restassured.RestAssured.given().get("/api/podcasts?size=100").then().extract().jsonPath(),
                        json -> json.getInt("total") == expected);
        Map<String, Long> ids = new java.util.HashMap<>();
        List<String> titles = page.getList("items.title", String.class);
        for (int i = 0; i < titles.size(); i++) {
            ids.put(titles.get(i), page.getLong("items[" + i + "].id"));
        }
        return ids;
    }

    /** The real feeds' folder, or null when the shared data is absent. */
    public static Path realFeeds() {
        String corpus = System.getProperty("corpus.dir");
        Path real = corpus == null ? null : Path.of(corpus, "feeds", "real");
        return real != null && Files.isDirectory(real) ? real : null;
    }

    /** The address a feed of the folder is registered under. */
    public static String feedUrl(String file) {
        return folder().resolve(file).toAbsolutePath().toUri().toString();
    }

    /** One folder per test JVM, found again by every class loader that loads this class. */
    static synchronized Path folder() {
        Path folder = Path.of("target", "browse-feeds-" + ProcessHandle.current().pid()).toAbsolutePath();
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder);
                String address = folder.toAbsolutePath().toUri().toString().replaceAll("/$", "");
                for (String fixture : FIXTURES) {
                    String xml = new String(FeedServer.fixture("browse/" + fixture), StandardCharsets.UTF_8);
                    Files.writeString(folder.resolve(fixture), xml.replace("{{feeds}}", address));
                }
                Path real = realFeeds();
                if (real != null) {
                    for (String feed : REAL_FEEDS) {
                        Files.copy(real.resolve(feed), folder.resolve(feed), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }
}

package org.wavelength.web.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The real feeds of the shared data ({@code -Dcorpus.dir}, folder {@code feeds/real}: fifteen feeds
 * nobody here wrote, in English, German and Portuguese), ingested from files on start. Without the
 * shared data the folder is an empty one, and the tests that need the feeds skip themselves.
 */
public class RealFeedsCatalogue implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("wavelength.bootstrap.feeds-dir", folder().toString());
    }

    /** The number of real feeds, zero without the shared data. */
    public static int feeds() {
        try (Stream<Path> files = Files.list(folder())) {
            return (int) files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every feed of the folder is a podcast. */
    public static void awaitIngested() {
        int expected = feeds();
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> RestAssured.given().get("/api/podcasts?size=1").then().extract().jsonPath().getInt("total"),
                        total -> total == expected);
    }

    private static Path folder() {
        Path real = BrowseCatalogue.realFeeds();
        if (real != null) {
            return real.toAbsolutePath();
        }
        try {
            return Files.createDirectories(Path.of("target", "no-real-feeds")).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

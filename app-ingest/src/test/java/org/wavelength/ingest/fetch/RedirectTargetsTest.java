package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;

class RedirectTargetsTest {

    @Test
    void resolvesLocationsLikeBrowsers() throws URISyntaxException {
        URI base = URI.create("https://example.test/shows/old.xml?x=1");
        assertThat(RedirectTargets.resolve(base, "new.xml")).isEqualTo(URI.create("https://example.test/shows/new.xml"));
        assertThat(RedirectTargets.resolve(base, "/top.xml")).isEqualTo(URI.create("https://example.test/top.xml"));
        assertThat(RedirectTargets.resolve(base, "//cdn.example.test/f.xml")).isEqualTo(URI.create("https://cdn.example.test/f.xml"));
        assertThat(RedirectTargets.resolve(base, "?page=2")).isEqualTo(URI.create("https://example.test/shows/old.xml?page=2"));
        assertThat(RedirectTargets.resolve(URI.create("http://example.test"), "feed.xml")).isEqualTo(URI.create("http://example.test/feed.xml"));
        assertThat(RedirectTargets.resolve(base, "/caf\u00e9.xml#top")).isEqualTo(URI.create("https://example.test/caf%C3%A9.xml"));
    }

    @Test
    void neverFollowsFromHttpsToHttp() {
        assertThat(RedirectTargets.isDowngrade(URI.create("https://example.test/a"), URI.create("http://example.test/a"))).isTrue();
        assertThat(RedirectTargets.isDowngrade(URI.create("HTTPS://example.test/a"), URI.create("http://example.test/a"))).isTrue();
        assertThat(RedirectTargets.isDowngrade(URI.create("http://example.test/a"), URI.create("https://example.test/a"))).isFalse();
        assertThat(RedirectTargets.isDowngrade(URI.create("https://example.test/a"), URI.create("https://other.test/a"))).isFalse();
    }
}

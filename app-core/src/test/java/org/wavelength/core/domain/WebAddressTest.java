package org.wavelength.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
            "vbscript:msgbox", "/relative/path.mp3", "//example.com/no-scheme", "http:no-host", "mailto:a@example.com",
            "https://exa mple.com/", ""})
    void whatIsNotAWebAddressIsNoLink(String address) {
        assertThat(WebAddress.orNull(address)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/feed.xml", "HTTP://Example.com:8080/a?b=c#d", "http://127.0.0.1/x.mp3"})
    void webAddressesAreKeptAsWritten(String address) {
        assertThat(WebAddress.orNull(address)).isEqualTo(address);
    }

    @Test
    void anAddressLongerThanTheColumnsIsNoLink() {
        assertThat(WebAddress.orNull("https://example.com/" + "a".repeat(WebAddress.MAX_LENGTH))).isNull();
    }

    /** Links stored before they were checked: a page built from the catalogue never gets them. */
    @Test
    void aPodcastAnEpisodeAndAPersonReadFromTheStoreOnlyCarryWebAddresses() {
        Podcast podcast = new Podcast(1, 1, "https://example.com/feed.xml", "T", null, null, "en", List.of(),
                "javascript:alert(1)", "javascript:alert(2)", false, 0);
        Episode episode = new Episode(1, 1, "g", "T", null, "javascript:alert(3)", null, null, "data:text/html,x",
                "https://example.com/i.jpg", null, null, null, null);
        Person person = new Person(1, "Ada", "javascript:x", "https://example.com/ada");

        assertThat(podcast.imageUrl()).isNull();
        assertThat(podcast.link()).isNull();
        assertThat(episode.audioUrl()).isNull();
        assertThat(episode.link()).isNull();
        assertThat(episode.imageUrl()).isEqualTo("https://example.com/i.jpg");
        assertThat(person.imageUrl()).isNull();
        assertThat(person.href()).isEqualTo("https://example.com/ada");
    }
}

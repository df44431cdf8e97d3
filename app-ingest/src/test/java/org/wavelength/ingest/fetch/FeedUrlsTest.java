package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedUrlsTest {

    @Test
    void acceptsHttpAndHttpsAndTrims() {
        assertThat(FeedUrls.parse("  https://example.com/feed.xml?x=1 \n")).isEqualTo(URI.create("https://example.com/feed.xml?x=1"));
        assertThat(FeedUrls.parse("HTTP://Example.com:8080/rss")).isEqualTo(URI.create("HTTP://Example.com:8080/rss"));
        assertThat(FeedUrls.parse("http://127.0.0.1/feed").getHost()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void saysWhenTheUrlIsEmpty(String url) {
        assertThatThrownBy(() -> FeedUrls.parse(url))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageStartingWith("The URL is empty");
    }

    @Test
    void refusesAnAddressLongerThanTheDatabaseKeeps() {
        String longest = "https://example.com/" + "a".repeat(FeedUrls.MAX_LENGTH - "https://example.com/".length());
        assertThat(FeedUrls.parse(longest).toString()).hasSize(FeedUrls.MAX_LENGTH);
        assertThatThrownBy(() -> FeedUrls.parse(longest + "a"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageStartingWith("The URL is 2049 characters long; a feed address is at most 2048.");
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> FeedUrls.parse("ftp://x"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessage("'ftp://x' is not a web address: a feed URL starts with http:// or https://");
        assertThatThrownBy(() -> FeedUrls.parse("file:///etc/passwd"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessage("'file:///etc/passwd' is not a web address: a feed URL starts with http:// or https://");
        assertThatThrownBy(() -> FeedUrls.parse("javascript:alert(1)"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageContaining("is not a web address");
    }

    @Test
    void explainsPodcastAppLinks() {
        assertThatThrownBy(() -> FeedUrls.parse("itpc://example.com/feed"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessage("'itpc://example.com/feed' is a link for podcast apps, not a web address: replace 'itpc:' with 'https:' (or 'http:').");
    }

    @Test
    void explainsAMissingScheme() {
        assertThatThrownBy(() -> FeedUrls.parse("example.com/feed.xml"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageStartingWith("'example.com/feed.xml' is not a complete web address")
                .hasMessageEndingWith("for example https://example.com/feed.xml");
    }

    @Test
    void explainsAMissingHost() {
        assertThatThrownBy(() -> FeedUrls.parse("https:///feed.xml"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageContaining("has no valid server name");
        assertThatThrownBy(() -> FeedUrls.parse("http:feed.xml"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageContaining("has no valid server name");
    }

    @Test
    void explainsCharactersThatCannotBeInAUrl() {
        assertThatThrownBy(() -> FeedUrls.parse("https://example.com/my feed.xml"))
                .isInstanceOf(InvalidFeedUrlException.class)
                .hasMessageStartingWith("'https://example.com/my feed.xml' is not a valid web address: it contains a space at position 23");
    }
}

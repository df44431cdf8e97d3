package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.FeedContent;

/**
 * Documents shaped to tie up a worker: JDOM checks, for each element it adds, that it is not one of
 * its own ancestors, so building a tree costs the square of its depth (200,000 nested elements kept a
 * worker busy for a quarter of an hour). They are refused while they are read, before the tree grows.
 */
class FeedShapeLimitsTest {

    private static final URI BASE = URI.create("https://example.com/feed.xml");

    private static byte[] feedWithItemBody(String body) {
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title>"
                + "<item><title>One</title><guid>1</guid>" + body + "</item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] nested(int depth) {
        return feedWithItemBody("<x>".repeat(depth) + "</x>".repeat(depth));
    }

    @Test
    void refusesTheIncidentsFeedOf200000NestedElements() {
        byte[] feed = nested(200_000);
        assertThat(feed.length).isGreaterThan(1_400_000);

        assertThatThrownBy(() -> new FeedParser().parse(feed, BASE))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nested too deeply")
                .hasMessageContaining("more than " + FeedShapeLimits.MAX_DEPTH);
    }

    @Test
    void readsAFeedNestedRightUpToTheLimit() {
        // rss, channel and item are three levels; the item's body fills the rest.
        FeedContent content = new FeedParser().parse(nested(FeedShapeLimits.MAX_DEPTH - 3), BASE);

        assertThat(content.items()).hasSize(1);
    }

    @Test
    void refusesOneLevelPastTheLimit() {
        assertThatThrownBy(() -> new FeedParser().parse(nested(FeedShapeLimits.MAX_DEPTH - 2), BASE))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void refusesAFeedWithTooManyElements() {
        byte[] feed = feedWithItemBody("<x/>".repeat(FeedShapeLimits.MAX_ELEMENTS));

        assertThatThrownBy(() -> new FeedParser().parse(feed, BASE))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("more than " + String.format(java.util.Locale.ROOT, "%,d", FeedShapeLimits.MAX_ELEMENTS)
                        + " elements");
    }

    @Test
    void refusesAFeedThatTakesLongerThanItsTimeToRead() {
        FeedParser impatient = new FeedParser(Duration.ofNanos(1));

        assertThatThrownBy(() -> impatient.parse(nested(10), BASE))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("took longer than");
    }
}

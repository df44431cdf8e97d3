package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.FeedContent.RemoteItem;

/**
 * podcast:podroll, in the manner of the conformance suite: {@code feeds/podroll.rss} holds the edge
 * cases (a guid in capitals and one in spaces, a relative address, an episode named instead of a show,
 * items with nothing usable, another prefix of the namespace, an element outside it, a remoteItem
 * outside the podroll, a second podroll), {@code feeds/podroll.json} what the parser must make of them.
 */
class PodrollTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsThePodrollAsTheExpectedFileSays() throws IOException {
        FeedContent feed = parser.parse(FeedParserTest.fixture("podroll.rss"), URI.create("https://podroll.example/feed.xml"));

        List<RemoteItem> expected;
        try (InputStream json = PodrollTest.class.getResourceAsStream("/feeds/podroll.json")) {
            expected = new ObjectMapper().readValue(json, new TypeReference<>() { });
        }
        assertThat(feed.show().podroll()).containsExactlyElementsOf(expected);
    }

    @Test
    void aFeedWithoutAPodrollHasNone() {
        assertThat(parser.parse(FeedParserTest.fixture("podcasting20.rss"), URI.create("https://example.org/feed.xml"))
                .show().podroll()).isEmpty();
    }

    @Test
    void readsTheRealPodrolls() throws IOException {
        Path real = Corpus.folder("feeds/real");
        FeedContent example = parse(real.resolve("podcast-namespace-example.xml"));
        assertThat(example.show().podroll()).containsExactly(
                new RemoteItem("917393e3-1b1e-5cef-ace4-edaa54e1f810", "https://feeds.podcastindex.org/pc20.xml"),
                new RemoteItem("396d9ae0-da7e-5557-b894-b606231fa3ea", "https://feedurl.example.rss"));
        FeedContent mike = parse(real.resolve("themnshow.xml"));
        assertThat(mike.show().podroll()).hasSize(5).allSatisfy(item -> assertThat(item.feedUrl()).startsWith("http"))
                .extracting(RemoteItem::feedUrl).contains("https://feeds.megaphone.fm/darknetdiaries");
    }

    private FeedContent parse(Path file) throws IOException {
        return parser.parse(Files.readAllBytes(file), file.toUri());
    }
}

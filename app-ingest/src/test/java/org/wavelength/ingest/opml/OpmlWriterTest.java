package org.wavelength.ingest.opml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedStatus;

class OpmlWriterTest {

    private final OpmlWriter writer = new OpmlWriter();

    private static Feed feed(String url, String title) {
        return new Feed(1, url, FeedStatus.PENDING, title, null, 0, null, null, null, 0, null, null, null);
    }

    @Test
    void writesOpml2WithOneRssOutlinePerFeed() {
        String opml = writer.write(List.of(feed("https://a.example.com/feed.xml", "Alpha")));

        assertThat(opml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head>
                    <title>Wavelength feeds</title>
                  </head>
                  <body>
                    <outline type="rss" text="Alpha" title="Alpha" xmlUrl="https://a.example.com/feed.xml"/>
                  </body>
                </opml>
                """);
    }

    @Test
    void escapesWhatWouldBreakTheXml() {
        String opml = writer.write(List.of(feed("https://b.example.com/rss?a=1&b=<2>", "Tom & \"Jerry\" <'live'>\u0001")));

        assertThat(opml).contains("text=\"Tom &amp; &quot;Jerry&quot; &lt;&apos;live&apos;&gt;\"")
                .contains("xmlUrl=\"https://b.example.com/rss?a=1&amp;b=&lt;2&gt;\"")
                .doesNotContain("\u0001");
    }

    @Test
    void usesTheUrlAsTitleBeforeTheFirstFetch() {
        assertThat(writer.write(List.of(feed("https://c.example.com/", null))))
                .contains("<outline type=\"rss\" text=\"https://c.example.com/\" title=\"https://c.example.com/\" xmlUrl=\"https://c.example.com/\"/>");
    }

    @Test
    void writesAnEmptyListAsAValidDocument() {
        assertThat(new OpmlReader().read(writer.write(List.of()).getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void roundTripsThroughTheReader() {
        List<Feed> feeds = List.of(
                feed("https://a.example.com/feed.xml?x=1&y=2", "Ça & ça\nsecond line"),
                feed("http://b.example.com/rss", "Bee 🐝"));

        byte[] written = writer.write(feeds).getBytes(StandardCharsets.UTF_8);

        assertThat(new OpmlReader().read(written)).containsExactly(
                new OpmlEntry("Ça & ça\nsecond line", "https://a.example.com/feed.xml?x=1&y=2"),
                new OpmlEntry("Bee 🐝", "http://b.example.com/rss"));
    }
}

package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wavelength.core.domain.FeedContent.Item;
import org.wavelength.core.domain.FeedContent;

class FeedParserTest {

    private static final URI BASE = URI.create("https://example.com/podcasts/feed.xml");

    private final FeedParser parser = new FeedParser();

    static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test fixture /feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FeedContent parse(String fixture) {
        return parser.parse(fixture(fixture), BASE);
    }

    private FeedContent parseText(String xml) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), BASE);
    }

    // ---- show fields ----

    /** A feed's links become a page's links, its player's source and its images: only web addresses are kept. */
    @Test
    void linksThatAreNotWebAddressesAreDropped() {
        FeedContent feed = parseText("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
                  <channel><title>Links</title><link>javascript:alert(document.cookie)</link>
                    <itunes:image href="JavaScript:alert(1)"/>
                    <item><title>One</title><guid>one</guid><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link>
                      <enclosure url="javascript:alert(2)" type="audio/mpeg" length="1"/>
                      <itunes:image href="file:///etc/passwd"/></item>
                    <item><title>Two</title><guid>two</guid><link>https://example.com/two</link>
                      <enclosure url="/media/two.mp3" type="audio/mpeg" length="1"/></item>
                  </channel>
                </rss>""");

        assertThat(feed.link()).isNull();
        assertThat(feed.imageUrl()).isNull();
        FeedContent.Item one = feed.items().get(0);
        assertThat(one.link()).isNull();
        assertThat(one.audioUrl()).isNull();
        assertThat(one.imageUrl()).isNull();
        assertThat(one.enclosures()).isEmpty();
        FeedContent.Item two = feed.items().get(1);
        assertThat(two.link()).isEqualTo("https://example.com/two");
        assertThat(two.audioUrl()).isEqualTo(BASE.resolve("/media/two.mp3").toString());
    }

    @Test
    void readsTheShowFromAnItunesFeed() {
        FeedContent feed = parse("itunes-full.rss");

        assertThat(feed.title()).isEqualTo("The Quiet Signal");
        assertThat(feed.author()).isEqualTo("Ada Lovelace & Friends");
        assertThat(feed.description()).isEqualTo("Conversations about radio astronomy. Every second Tuesday.");
        assertThat(feed.language()).isEqualTo("en-US");
        assertThat(feed.link()).isEqualTo("https://quiet-signal.example.com/");
        assertThat(feed.explicit()).isTrue();
    }

    @Test
    void flattensItunesCategoriesTopLevelFirstWithoutDuplicates() {
        FeedContent feed = parse("itunes-full.rss");

        assertThat(feed.categories()).containsExactly("Science", "Society & Culture", "Astronomy", "Documentary");
    }

    @Test
    void resolvesTheItunesImageAgainstTheFeedAddress() {
        assertThat(parse("itunes-full.rss").imageUrl()).isEqualTo("https://example.com/art/cover.jpg");
    }

    @Test
    void fallsBackToRssCategoriesAndManagingEditorWithoutItunesTags() {
        FeedContent feed = parseText("""
                <rss version="2.0"><channel><title>Plain</title>
                <managingEditor>news@plain.example.com (Nellie Bly)</managingEditor>
                <category>News</category><category> Politics </category><category>News</category>
                <itunes:explicit xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">clean</itunes:explicit>
                </channel></rss>""");

        assertThat(feed.author()).isEqualTo("Nellie Bly");
        assertThat(feed.categories()).containsExactly("News", "Politics");
        assertThat(feed.explicit()).isFalse();
    }

    @Test
    void readsDcCreatorAsAuthorWhenNothingBetterIsThere() {
        FeedContent feed = parseText("""
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>DC</title>
                <managingEditor>only-an-address@dc.example.com</managingEditor>
                <dc:creator>Grace Hopper</dc:creator>
                </channel></rss>""");

        assertThat(feed.author()).isEqualTo("Grace Hopper");
    }

    @Test
    void doesNotTakeTheOwnerForTheAuthor() {
        FeedContent feed = parseText("""
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Hosted</title>
                <itunes:owner><itunes:name>Big Hosting Inc.</itunes:name><itunes:email>ops@hosting.example.com</itunes:email></itunes:owner>
                </channel></rss>""");

        assertThat(feed.author()).as("Apple does not show the owner; it is often the host company").isNull();
        assertThat(feed.show().ownerName()).isEqualTo("Big Hosting Inc.");
        assertThat(feed.show().ownerEmail()).isEqualTo("ops@hosting.example.com");
    }

    // ---- episodes ----

    @Test
    void readsEpisodes() {
        FeedContent feed = parse("itunes-full.rss");

        assertThat(feed.items()).hasSize(2);
        Item second = feed.items().get(0);
        assertThat(second.guid()).isEqualTo("qs-episode-0002");
        assertThat(second.title()).isEqualTo("Episode 2: Pulsars");
        assertThat(second.description()).as("the text of the richest HTML, content:encoded over an HTML description")
                .isEqualTo("Full show notes: we listen to pulsars & magnetars. One Two");
        assertThat(second.descriptionHtml()).startsWith("<p>Full show notes:").endsWith("</ul>");
        assertThat(second.enclosures()).containsExactly(
                new FeedContent.Enclosure("https://cdn.example.com/qs/ep2-cover.jpg", "image/jpeg", 1000L),
                new FeedContent.Enclosure("https://cdn.example.com/qs/ep2.mp3", "audio/mpeg", 123456L));
        assertThat(second.audioUrl()).as("the audio enclosure, not the image before it")
                .isEqualTo("https://cdn.example.com/qs/ep2.mp3");
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2024-01-02T10:30:00Z"));
        assertThat(second.durationSeconds()).isEqualTo(3724); // 1:02:03.5 rounded
        assertThat(second.link()).isEqualTo("https://quiet-signal.example.com/episodes/2");

        Item first = feed.items().get(1);
        assertThat(first.guid()).isEqualTo("qs-episode-0001");
        assertThat(first.description()).isEqualTo("Only a summary here.");
        assertThat(first.descriptionHtml()).isNull();
        assertThat(first.explicit()).as("no item-level itunes:explicit").isNull();
        assertThat(first.season()).isNull();
        assertThat(first.episodeType()).isNull();
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2023-12-19T09:30:00Z"));
        assertThat(first.durationSeconds()).isEqualTo(45 * 60 + 3);
        assertThat(first.link()).isNull();
    }

    @Test
    void readsAtomFeeds() {
        FeedContent feed = parse("atom.xml");

        assertThat(feed.title()).isEqualTo("Atomic Talk");
        assertThat(feed.author()).isEqualTo("Marie Curie");
        assertThat(feed.description()).isEqualTo("Short talks about atoms.");
        assertThat(feed.language()).isEqualTo("de-DE");
        assertThat(feed.link()).isEqualTo("https://atomic.example.org/");
        assertThat(feed.imageUrl()).isEqualTo("https://atomic.example.org/logo.png");
        assertThat(feed.items()).extracting(Item::guid)
                .containsExactly("tag:atomic.example.org,2024:episode-7", "tag:atomic.example.org,2024:episode-6");

        Item radium = feed.items().get(0);
        assertThat(radium.title()).isEqualTo("Radium & you");
        assertThat(radium.description()).isEqualTo("It glows.");
        assertThat(radium.audioUrl()).isEqualTo("https://atomic.example.org/media/7.ogg");
        assertThat(radium.publishedAt()).isEqualTo(Instant.parse("2024-02-29T08:15:00Z"));
        assertThat(radium.link()).isEqualTo("https://atomic.example.org/7");

        Item polonium = feed.items().get(1);
        assertThat(polonium.audioUrl()).isNull();
        assertThat(polonium.description()).isEqualTo("Named after Poland.");
        assertThat(polonium.publishedAt()).as("updated, when there is no published date")
                .isEqualTo(Instant.parse("2024-02-01T08:00:00Z"));
    }

    @Test
    void fallsBackForMissingGuidsAndNeverLeavesThemBlank() {
        FeedContent feed = parse("missing-guids.rss");

        assertThat(feed.items()).extracting(Item::guid).containsExactly(
                "https://forgetful.example.com/a.mp3",
                "https://forgetful.example.com/b",
                "Has only a title and a date 2024-01-01T00:00:00Z",
                "https://forgetful.example.com/d.mp3",
                "abc-123");
        assertThat(feed.items()).allSatisfy(item -> assertThat(item.guid()).isNotBlank());
    }

    @Test
    void skipsItemsWithNeitherTitleNorEnclosure() {
        FeedContent feed = parse("missing-guids.rss");

        assertThat(feed.items()).extracting(Item::guid).doesNotContain("skipped");
        assertThat(feed.items().get(4).title()).as("an enclosure without a title is kept").isNull();
    }

    @Test
    void doesNotTurnAnOpaqueGuidIntoALink() {
        FeedContent feed = parse("missing-guids.rss");

        assertThat(feed.items().get(4).link()).isNull();
    }

    @Test
    void resolvesRelativeUrlsAgainstTheFeedAddress() {
        FeedContent feed = parse("relative-urls.rss");

        assertThat(feed.link()).isEqualTo("https://example.com/");
        assertThat(feed.imageUrl()).isEqualTo("https://example.com/podcasts/images/cover.png");
        Item item = feed.items().get(0);
        assertThat(item.audioUrl()).isEqualTo("https://example.com/media/episode%201.mp3");
        assertThat(item.link()).isEqualTo("https://example.com/podcasts/episodes/1.html");
    }

    @Test
    void keepsRelativeUrlsOutWhenThereIsNoBase() {
        FeedContent feed = parser.parse(fixture("relative-urls.rss"), null);

        assertThat(feed.imageUrl()).isNull();
        assertThat(feed.items().get(0).audioUrl()).isNull();
    }

    @Test
    void durationsInTheirManyShapes() {
        FeedContent feed = parseText("""
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>D</title>
                <item><title>a</title><itunes:duration>3600</itunes:duration></item>
                <item><title>b</title><itunes:duration>60:00</itunes:duration></item>
                <item><title>c</title><itunes:duration> 1:00:00 </itunes:duration></item>
                <item><title>d</title><itunes:duration>about an hour</itunes:duration></item>
                <item><title>e</title></item>
                </channel></rss>""");

        assertThat(feed.items()).extracting(Item::durationSeconds).containsExactly(3600, 3600, 3600, null, null);
    }

    // ---- leniency ----

    @Test
    void acceptsItunesAndOtherPrefixesWithoutNamespaceDeclarations() {
        FeedContent feed = parse("undeclared-prefixes.rss");

        assertThat(feed.author()).isEqualTo("Careless Publisher");
        assertThat(feed.explicit()).isTrue();
        assertThat(feed.imageUrl()).isEqualTo("https://careless.example.com/cover.png");
        assertThat(feed.categories()).containsExactly("Comedy");
        assertThat(feed.items().get(0).durationSeconds()).isEqualTo(1200);
        assertThat(feed.items().get(0).description()).isEqualTo("Encoded content only.");
        assertThat(feed.items().get(1).audioUrl()).as("media:content inside media:group")
                .isEqualTo("https://careless.example.com/2.mp4");
    }

    @Test
    void acceptsWhitespaceBeforeTheXmlDeclaration() {
        FeedContent feed = parse("whitespace-before-declaration.rss");

        assertThat(feed.title()).isEqualTo("Blank Lines First");
        assertThat(feed.items()).extracting(Item::audioUrl).containsExactly("https://blank.example.com/1.mp3");
    }

    @Test
    void acceptsAByteOrderMarkFollowedByWhitespace() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] feed = fixture("whitespace-before-declaration.rss");
        byte[] document = new byte[bom.length + feed.length];
        System.arraycopy(bom, 0, document, 0, bom.length);
        System.arraycopy(feed, 0, document, bom.length, feed.length);

        assertThat(parser.parse(document, BASE).title()).isEqualTo("Blank Lines First");
    }

    @Test
    void replacesHtmlEntitiesButKeepsTheXmlOnes() {
        FeedContent feed = parse("html-entities.rss");

        assertThat(feed.title()).isEqualTo("Café Culture — Q&A & more");
        assertThat(feed.description()).isEqualTo("Made with ♥ © 2024 <3 &unknownentity; ’tis");
        Item item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("“Quoted”…");
        assertThat(item.description()).isEqualTo("Tom & Jerry");
        assertThat(item.audioUrl()).isEqualTo("https://entities.example.com/1.mp3?a=1&b=2");
    }

    @Test
    void replacesTheEntitiesHtml5AddedToo() {
        FeedContent feed = parseText("""
                <rss version="2.0"><channel><title>Done &check; &NotEqualTilde; &AMP; &nosuchentity;</title></channel></rss>""");

        assertThat(feed.title()).isEqualTo("Done ✓ \u2242\u0338 & &nosuchentity;");
    }

    @Test
    void leavesEntitiesInCdataAlone() {
        FeedContent feed = parseText("""
                <rss version="2.0"><channel><title><![CDATA[Fish &amp; Chips &nbsp;]]></title></channel></rss>""");

        assertThat(feed.title()).isEqualTo("Fish &amp; Chips &nbsp;");
    }

    @Test
    void readsIso88591FeedsIncludingWindowsQuotes() {
        FeedContent feed = parse("iso-8859-1.rss");

        assertThat(feed.title()).isEqualTo("Café Müller");
        assertThat(feed.description()).isEqualTo("Grüße aus Köln ’n stuff");
        assertThat(feed.items().get(0).title()).isEqualTo("Façade à la carte");
    }

    @Test
    void readsLatin1BytesInAFeedThatClaimsUtf8() {
        byte[] document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(parser.parse(document, BASE).title()).isEqualTo("Café");
    }

    @Test
    void readsUtf16WithByteOrderMark() {
        byte[] document = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Zwölf</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_16LE);

        assertThat(parser.parse(document, BASE).title()).isEqualTo("Zwölf");
    }

    @Test
    void acceptsRssWithoutVersionAndControlCharacters() {
        FeedContent feed = parseText("<rss><channel><title>Bell\u0007 rings</title><item><title>x</title></item></channel></rss>");

        assertThat(feed.title()).isEqualTo("Bell rings");
        assertThat(feed.items()).hasSize(1);
    }

    // ---- safety ----

    @Test
    @Timeout(5)
    void refusesExternalEntitiesBecauseOfTheDoctype() {
        assertThatThrownBy(() -> parse("xxe.rss"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("contains a DOCTYPE")
                .hasMessageContaining("not allowed for security reasons")
                .hasMessageNotContaining("root:");
    }

    @Test
    @Timeout(5)
    void refusesTheBillionLaughsQuickly() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> parse("billion-laughs.rss"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("security reasons");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<rss version=\"2.0\"><channel><title>x</title><:chapter/></channel></rss>",
            "<rss version=\"2.0\"><?:xml x?><channel><title>x</title></channel></rss>",
            "<rss version=\"2.0\" xmlns:content=\" http://purl.org/rss/1.0/modules/content/\"><channel><title>x</title>"
                    + "<content:encoded>y</content:encoded></channel></rss>",
    })
    void refusesNamesThatXmlNamespacesForbidAsNotWellFormed(String xml) {
        // found by ParsersFuzzTest: these escaped as JDOM's IllegalNameException, not as a refusal
        assertThatThrownBy(() -> parseText(xml))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("The feed is not well-formed XML: ");
    }

    @Test
    void refusesADoctypeHiddenAfterComments() {
        String xml = "<?xml version=\"1.0\"?><!-- hi --><?pi x?><!doctype rss SYSTEM \"http://attacker.example/x.dtd\"><rss version=\"2.0\"/>";

        assertThatThrownBy(() -> parseText(xml))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    // ---- not feeds ----

    @Test
    void saysSoWhenGivenAnHtmlPage() {
        assertThatThrownBy(() -> parse("html-page.html"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("This document is not an RSS or Atom feed: it looks like an HTML page.");
    }

    @Test
    void saysSoWhenGivenHtmlWithoutDoctype() {
        assertThatThrownBy(() -> parseText("\n<head><title>Document Moved</title></head><body>here</body>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("it looks like an HTML page");
    }

    @Test
    void saysSoWhenGivenBinaryJunk() {
        assertThatThrownBy(() -> parse("junk.bin"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("This document is not an RSS or Atom feed: it is not XML at all (it starts with \"GIF89a");
    }

    @Test
    void saysSoWhenGivenJson() {
        assertThatThrownBy(() -> parseText("{\"version\": \"https://jsonfeed.org/version/1\"}"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("it looks like JSON");
    }

    @Test
    void saysSoWhenTheBodyIsEmptyOrBlank() {
        assertThatThrownBy(() -> parser.parse(new byte[0], BASE))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("The feed is empty");
        assertThatThrownBy(() -> parseText(" \n\t "))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("The feed is empty");
    }

    @Test
    void saysSoWhenGivenOtherXml() {
        assertThatThrownBy(() -> parseText("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("This document is XML but not an RSS or Atom feed: its top-level element is <svg>.");
        assertThatThrownBy(() -> parseText("<opml version=\"2.0\"><body/></opml>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("OPML");
    }

    @Test
    void givesTheLineOfMalformedXml() {
        String xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Broken</title>\n<item><title>x</item>\n</channel>\n</rss>";

        assertThatThrownBy(() -> parseText(xml))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("The feed is not well-formed XML: on line 5,")
                .hasMessageContaining("title");
    }

    @Test
    void explainsAnRssDocumentWithoutChannel() {
        assertThatThrownBy(() -> parseText("<rss version=\"2.0\"><redirect><newLocation> https://new.example.com/feed </newLocation></redirect></rss>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("now at https://new.example.com/feed");
        assertThatThrownBy(() -> parseText("<rss version=\"2.0\"></rss>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("no <channel>");
    }
}

package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.FeedContent.Enclosure;
import org.wavelength.core.domain.FeedContent.Item;
import org.wavelength.core.domain.FeedContent.Link;
import org.wavelength.core.domain.FeedContent.Person;
import org.wavelength.core.domain.FeedContent.TranscriptLink;

/** The iTunes and Podcasting 2.0 tags beyond the basics: {@link FeedContent.Show} and the richer item fields. */
class PodcastTagsTest {

    private static final URI BASE = URI.create("https://open-frequencies.example.org/feed.xml");

    private final FeedParser parser = new FeedParser();

    private FeedContent parse(String fixture) {
        return parser.parse(FeedParserTest.fixture(fixture), BASE);
    }

    private FeedContent parseText(String xml) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), BASE);
    }

    // ---- show ----

    @Test
    void readsTheShowsOwnerTypeBlockAndMove() {
        FeedContent.Show show = parse("podcasting20.rss").show();

        assertThat(show.ownerName()).isEqualTo("Hedy Lamarr");
        assertThat(show.ownerEmail()).isEqualTo("hedy@open-frequencies.example.org");
        assertThat(show.type()).as("lower-cased").isEqualTo("serial");
        assertThat(show.blocked()).isTrue();
        assertThat(show.newFeedUrl()).as("resolved against the feed address")
                .isEqualTo("https://open-frequencies.example.org/feeds/open-frequencies.xml");
    }

    @Test
    void readsTheShowsPodcastingTwoTags() {
        FeedContent.Show show = parse("podcasting20.rss").show();

        assertThat(show.podcastGuid()).isEqualTo("917393e3-1b1e-5cef-ace4-edaa54e1f810");
        assertThat(show.locked()).isTrue();
        assertThat(show.funding()).containsExactly(
                new Link("https://donate.example.org/open-frequencies", "Keep us on the air!"),
                new Link("https://open-frequencies.example.org/members", "Become a member"));
        assertThat(show.persons()).containsExactly(
                new Person("Hedy Lamarr", "host", "cast", "https://open-frequencies.example.org/people/hedy.jpg",
                        "https://hedy.example.org"),
                new Person("Grace Hopper", "host", "cast", null, null));
    }

    @Test
    void flattensCategoriesOfEveryDepth() {
        assertThat(parse("podcasting20.rss").categories())
                .containsExactly("Technology", "Education", "Podcasting", "Standards");
    }

    @Test
    void keepsWhichCategoryEachSubcategoryIsNestedIn() {
        assertThat(parse("podcasting20.rss").show().categoryParents())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("Podcasting", "Technology", "Standards", "Podcasting"));
    }

    @Test
    void aTopLevelCategoryHasNoParentEvenWhereItIsAlsoNested() {
        FeedContent feed = parseText("""
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Twice</title>
                <itunes:category text="News"><itunes:category text="Politics"/><itunes:category text="Technology"/></itunes:category>
                <itunes:category text="Technology"/>
                <itunes:category text="Leisure"><itunes:category text="Politics"/></itunes:category>
                </channel></rss>""");

        assertThat(feed.categories()).containsExactly("News", "Technology", "Leisure", "Politics");
        assertThat(feed.show().categoryParents()).as("the first parent a feed gives wins")
                .containsExactlyEntriesOf(java.util.Map.of("Politics", "News"));
    }

    @Test
    void leavesTheShowEmptyWithoutThoseTags() {
        FeedContent feed = parseText("""
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Bare</title>
                <itunes:type>weekly</itunes:type><itunes:block>no</itunes:block>
                <podcast:locked>no</podcast:locked>
                </channel></rss>""");

        assertThat(feed.show()).isEqualTo(FeedContent.Show.NONE);
    }

    @Test
    void acceptsTheOldNamespaceAddressAndUndeclaredPrefixes() {
        FeedContent feed = parseText("""
                <rss version="2.0" xmlns:podcast="https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md">
                <channel><title>Old namespace</title><podcast:locked>yes</podcast:locked></channel></rss>""");
        assertThat(feed.show().locked()).isTrue();

        Item undeclared = parser.parse(FeedParserTest.fixture("undeclared-prefixes.rss"), BASE).items().get(0);
        assertThat(undeclared.transcripts()).extracting(TranscriptLink::url).containsExactly("https://careless.example.com/1.vtt");
    }

    // ---- items ----

    @Test
    void keepsContentEncodedAsHtmlAndThePlainDescriptionAsText() {
        Item item = parse("podcasting20.rss").items().get(0);

        assertThat(item.description()).isEqualTo("How a torpedo patent became Wi-Fi.");
        assertThat(item.descriptionHtml()).isEqualTo("<p>How a <em>torpedo patent</em> became Wi-Fi.</p>");
    }

    @Test
    void takesAnHtmlDescriptionAsTheHtmlWhenThereIsNoContentEncoded() {
        FeedContent feed = parse("podcasting20.rss");

        assertThat(feed.items().get(1).descriptionHtml()).isEqualTo("Coming <b>soon</b>: three more inventors.");
        assertThat(feed.items().get(1).description()).isEqualTo("Coming soon: three more inventors.");
        assertThat(feed.items().get(2).descriptionHtml()).as("plain text is no HTML").isNull();
        assertThat(feed.items().get(2).description()).isEqualTo("Your letters, unedited & uncensored.");
    }

    @Test
    void listsEveryMediaFileOnceWithoutThumbnails() {
        Item item = parse("podcasting20.rss").items().get(0);

        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://open-frequencies.example.org/media/5-cover.jpg", "image/jpeg", 2048L),
                new Enclosure("https://open-frequencies.example.org/media/5.mp3", "audio/mpeg", 34216300L),
                new Enclosure("https://video.example.org/5.mp4", "video/mp4", 120000000L));
        assertThat(item.audioUrl()).isEqualTo("https://open-frequencies.example.org/media/5.mp3");
    }

    @Test
    void treatsAZeroLengthAndAMissingTypeAsUnknown() {
        assertThat(parse("podcasting20.rss").items().get(1).enclosures()).containsExactly(
                new Enclosure("https://open-frequencies.example.org/media/trailer-3.mp3", null, null));
        assertThat(parse("podcasting20.rss").items().get(2).enclosures()).isEmpty();
    }

    @Test
    void readsTheItunesEpisodeTags() {
        Item item = parse("podcasting20.rss").items().get(0);

        assertThat(item.imageUrl()).isEqualTo("https://open-frequencies.example.org/art/5.jpg");
        assertThat(item.explicit()).isFalse();
        assertThat(item.season()).as("itunes:season wins over podcast:season").isEqualTo(2);
        assertThat(item.episodeNumber()).as("itunes:episode wins over podcast:episode").isEqualTo(5);
        assertThat(item.episodeType()).isEqualTo("bonus");
        assertThat(item.durationSeconds()).isEqualTo(41 * 60 + 7);
    }

    @Test
    void fallsBackToPodcastSeasonAndEpisodeAndMediaThumbnails() {
        Item trailer = parse("podcasting20.rss").items().get(1);

        assertThat(trailer.season()).isEqualTo(3);
        assertThat(trailer.episodeNumber()).as("itunes:episode 0 is no episode number").isEqualTo(4);
        assertThat(trailer.episodeType()).as("not one of full, trailer, bonus").isNull();
        assertThat(trailer.explicit()).isNull();
        assertThat(trailer.imageUrl()).isEqualTo("https://open-frequencies.example.org/art/trailer-3.jpg");
    }

    @Test
    void dropsNumbersThatAreNotPositiveWholeNumbers() {
        Item mail = parse("podcasting20.rss").items().get(2);

        assertThat(mail.explicit()).isTrue();
        assertThat(mail.season()).isNull();
        assertThat(mail.episodeNumber()).as("podcast:episode 1.5").isNull();
        assertThat(mail.imageUrl()).isNull();
        assertThat(mail.transcripts()).isEmpty();
        assertThat(mail.chaptersUrl()).isNull();
        assertThat(mail.persons()).isEmpty();
    }

    @Test
    void readsTranscriptsChaptersAndPersonsOfTheEpisode() {
        Item item = parse("podcasting20.rss").items().get(0);

        assertThat(item.transcripts()).containsExactly(
                new TranscriptLink("https://open-frequencies.example.org/transcripts/5.vtt", "text/vtt", "en-US", "captions"),
                new TranscriptLink("https://open-frequencies.example.org/transcripts/5.json", "application/json", null, null));
        assertThat(item.chaptersUrl()).isEqualTo("https://open-frequencies.example.org/chapters/5.json");
        assertThat(item.persons()).containsExactly(
                new Person("Ada Lovelace", "guest", "writing", null, "https://ada.example.org"),
                new Person("Hedy Lamarr", "host", "cast", "https://people.example.org/hedy.png", null));
    }

    @Test
    void readsAtomEnclosuresAndThumbnails() {
        FeedContent feed = parseText("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
                <title>Atom media</title>
                <entry><id>a-1</id><title>One</title>
                <link rel="enclosure" href="/a/1.ogg" type="audio/ogg" length="99"/>
                <media:group><media:thumbnail url="https://img.example.org/1.jpg"/></media:group>
                <content type="html">&lt;p&gt;Rich &lt;b&gt;notes&lt;/b&gt;&lt;/p&gt;</content>
                </entry></feed>""");

        Item item = feed.items().get(0);
        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://open-frequencies.example.org/a/1.ogg", "audio/ogg", 99L));
        assertThat(item.imageUrl()).isEqualTo("https://img.example.org/1.jpg");
        assertThat(item.descriptionHtml()).isEqualTo("<p>Rich <b>notes</b></p>");
        assertThat(item.description()).isEqualTo("Rich notes");
    }

    @Test
    void honoursXmlBaseAndAnExplicitPermalinkGuid() {
        FeedContent feed = parseText("""
                <rss version="2.0" xml:base="https://elsewhere.example.net/show/"><channel><title>Based</title>
                <item><title>Relative permalink</title><guid isPermaLink="true">episodes/1/</guid>
                <enclosure url="1.mp3" type="audio/mpeg"/></item>
                <item><title>Opaque</title><guid>episodes/2/</guid></item>
                </channel></rss>""");

        Item first = feed.items().get(0);
        assertThat(first.guid()).as("the guid stays as written: it is an identity").isEqualTo("episodes/1/");
        assertThat(first.link()).isEqualTo("https://elsewhere.example.net/show/episodes/1/");
        assertThat(first.audioUrl()).isEqualTo("https://elsewhere.example.net/show/1.mp3");
        assertThat(feed.items().get(1).link()).as("isPermaLink only by default: not trusted as a link").isNull();
    }
}

package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.wavelength.core.domain.FeedContent;

/**
 * Parses the real feeds of the shared test data (see its README), which this project did not write.
 * The folder comes from {@code -Dwavelength.corpus} (or {@code -Dcorpus.dir}, as the parent pom passes it);
 * without it each test reports itself skipped, with the reason.
 */
class FeedCorpusTest {

    private static final Pattern CDATA_OR_COMMENT = Pattern.compile("<!\\[CDATA\\[.*?]]>|<!--.*?-->", Pattern.DOTALL);
    // An unprefixed <item> or <entry> start tag; prefixed ones (podcast:..., media:...) are not episodes.
    private static final Pattern ITEM_OR_ENTRY = Pattern.compile("<(item|entry)[\\s>/]");

    private final FeedParser parser = new FeedParser();

    /** The corpus folder, or a skipped test (not a failure) when it is not there: clones do not have it. */
    private static Path corpus() {
        return Corpus.folder();
    }

    @TestFactory
    Stream<DynamicTest> everyRealFeedParsesWithAllItsEpisodes() throws IOException {
        List<Path> files = list(corpus().resolve("feeds/real"));
        assertThat(files).as("real feeds in the corpus").isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            FeedContent feed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> parser.parse(bytes, baseOf(file)));
            int expected = countItems(bytes);
            System.out.println(summary(file, feed, expected));

            assertThat(feed.title()).as("title of %s", file.getFileName()).isNotBlank();
            assertThat(feed.items()).as("episodes of %s", file.getFileName()).hasSize(expected);
            assertThat(feed.items()).allSatisfy(item -> assertThat(item.guid()).isNotBlank());
        }));
    }

    @Test
    void readsThePodcastingTwoTagsOfTheNamespaceExample() throws IOException {
        Path file = corpus().resolve("feeds/real/podcast-namespace-example.xml");
        FeedContent feed = parser.parse(Files.readAllBytes(file), baseOf(file));

        assertThat(feed.show().podcastGuid()).isEqualTo("y0ur-gu1d-g035-h3r3");
        assertThat(feed.show().locked()).isTrue();
        assertThat(feed.show().funding()).containsExactly(new FeedContent.Link("https://example.com/donate", "Support the show!"));
        FeedContent.Item third = feed.items().get(0);
        assertThat(third.chaptersUrl()).isEqualTo("https://example.com/ep3_chapters.json");
        assertThat(third.transcripts()).containsExactly(
                new FeedContent.TranscriptLink("https://example.com/ep3/transcript.txt", "text/plain", null, null),
                new FeedContent.TranscriptLink("https://example.com/episode1/transcript.vtt", "text/vtt", "es", "captions"));
        assertThat(third.persons()).extracting(FeedContent.Person::name, FeedContent.Person::role, FeedContent.Person::group)
                .containsExactly(tuple("Adam Curry", "host", "cast"), tuple("Dave Jones", "guest", "cast"),
                        tuple("Becky Smith", "cover art designer", "visuals"));
        assertThat(feed.items()).allSatisfy(item -> {
            assertThat(item.transcripts()).isNotEmpty();
            assertThat(item.chaptersUrl()).isNotNull();
        });
    }

    @Test
    void brokenFeedsWithWhitespaceBeforeTheDeclarationStillParse() throws IOException {
        for (String name : List.of("sentimental-garbage.xml", "itunes-missing-image.rss")) {
            Path file = corpus().resolve("feeds/broken").resolve(name);
            byte[] bytes = Files.readAllBytes(file);
            FeedContent feed = parser.parse(bytes, baseOf(file));
            int expected = countItems(bytes);
            System.out.println(summary(file, feed, expected));

            assertThat(feed.title()).as("title of %s", name).isNotBlank();
            assertThat(feed.items()).as("episodes of %s", name).hasSize(expected).isNotEmpty();
        }
    }

    @Test
    void unrecognizedDocumentIsRefusedWithAClearMessage() {
        Path file = corpus().resolve("feeds/broken/unrecognized.rss");

        assertThatThrownBy(() -> parser.parse(Files.readAllBytes(file), baseOf(file)))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("This document is not an RSS or Atom feed: it looks like an HTML page.");
    }

    /** The rest of the broken folder: each either parses or fails with a readable FeedParseException, nothing else. */
    @Test
    void everyBrokenFileEndsInAFeedOrAClearRefusal() throws IOException {
        for (Path file : list(corpus().resolve("feeds/broken"))) {
            byte[] bytes = Files.readAllBytes(file);
            try {
                FeedContent feed = parser.parse(bytes, baseOf(file));
                System.out.println(summary(file, feed, countItems(bytes)));
            } catch (FeedParseException e) {
                System.out.printf("%-32s refused: %s%n", file.getFileName(), e.getMessage());
                assertThat(e.getMessage()).as("message for %s", file.getFileName()).endsWith(".").hasSizeGreaterThan(30);
            }
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Counted on the raw text, independently of the parser; tags are ASCII, so Latin-1 reading suits any encoding here. */
    static int countItems(byte[] bytes) {
        String text = CDATA_OR_COMMENT.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).replaceAll("");
        Matcher matcher = ITEM_OR_ENTRY.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static URI baseOf(Path file) {
        return URI.create("https://corpus.example.com/feeds/" + file.getFileName());
    }

    private static String summary(Path file, FeedContent feed, int expected) {
        long withAudio = feed.items().stream().filter(item -> item.audioUrl() != null).count();
        long withDuration = feed.items().stream().filter(item -> item.durationSeconds() != null).count();
        return String.format("%-32s ok: \"%s\", %d/%d episodes (%d with media, %d with duration), language %s, categories %s",
                file.getFileName(), feed.title(), feed.items().size(), expected, withAudio, withDuration,
                feed.language(), feed.categories());
    }
}

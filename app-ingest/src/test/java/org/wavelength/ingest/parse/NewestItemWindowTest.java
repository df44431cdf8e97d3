package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.core.domain.FeedContent;

/**
 * A feed's newest items are chosen while its XML is read, so that one feed of any length costs memory for
 * its newest {@code max} items only (issue 14: a 50,000-item feed took the process to 2.8 GB).
 */
class NewestItemWindowTest {

    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
    static final Instant FIRST = Instant.parse("2015-01-01T00:00:00Z");

    @Test
    void theNewestItemsAreKeptInTheFeedsOrderAndUndatedOnesGoFirst() {
        // Oldest first in the document, one undated, two on the same date: the cap's rule, not the document's order.
        String items = item("a", 0) + item("b", 5) + "<item><guid>undated</guid><title>undated</title></item>"
                + item("c", 3) + item("d", 5) + item("e", 1);
        FeedParser.Newest newest = new FeedParser().parseNewest(rss(items), URI.create("https://x.example/feed"), 3);

        assertThat(newest.itemsListed()).isEqualTo(6);
        assertThat(newest.content().items()).extracting(FeedContent.Item::guid).containsExactly("b", "c", "d");
    }

    @Test
    void atomEntriesAreWindowedToo() {
        String entries = "";
        for (int i = 0; i < 5; i++) {
            entries += "<entry><id>urn:e" + i + "</id><title>E" + i + "</title><updated>" + FIRST.plusSeconds(3600L * i)
                    + "</updated><link rel=\"enclosure\" href=\"https://x.example/" + i + ".mp3\" type=\"audio/mpeg\"/></entry>";
        }
        byte[] atom = ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom show</title><id>urn:show</id>"
                + "<updated>2020-01-01T00:00:00Z</updated>" + entries + "</feed>").getBytes(StandardCharsets.UTF_8);
        FeedParser.Newest newest = new FeedParser().parseNewest(atom, URI.create("https://x.example/atom"), 2);

        assertThat(newest.itemsListed()).isEqualTo(5);
        assertThat(newest.content().items()).extracting(FeedContent.Item::guid).containsExactly("urn:e3", "urn:e4");
    }

    @Test
    void aFeedUnderTheCapIsReadWhole() {
        FeedParser.Newest newest = new FeedParser().parseNewest(rss(item("a", 0) + item("b", 1)), null, 3);
        assertThat(newest.itemsListed()).isEqualTo(2);
        assertThat(newest.content().items()).hasSize(2);
    }

    /**
     * A 50,000-item feed (14 MB) read in a JVM of 160 MB of heap: read whole it does not fit; with a window of
     * 3,000 items it does. A child JVM, so that the figure is this parse's alone.
     */
    @Test
    void aFiftyThousandItemFeedIsReadInBoundedMemory(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("big.xml");
        Files.write(feed, bigFeed(50_000));
        Run windowed = inSmallJvm(feed, 3_000);
        System.out.println("Newest 3,000 of 50,000 items (" + Files.size(feed) / (1024 * 1024) + " MB) in -Xmx160m: "
                + windowed.output());
        assertThat(windowed.exitCode()).as(windowed.output()).isZero();
        assertThat(windowed.output()).contains("kept 3000 of 50000 items, newest Episode 49999");

        Run whole = inSmallJvm(feed, 0);
        System.out.println("All 50,000 items in -Xmx160m: " + whole.output().lines().findFirst().orElse(""));
        assertThat(whole.exitCode()).as("the whole feed does not fit: the test can tell").isNotZero();
    }

    record Run(int exitCode, String output) {
    }

    static Run inSmallJvm(Path feed, int max) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ReadOneFeed.class.getName(),
                feed.toString(), Integer.toString(max)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** Reads one feed file: its newest {@code max} items, or all of them when {@code max} is 0. */
    public static final class ReadOneFeed {
        public static void main(String[] args) throws IOException {
            byte[] document = Files.readAllBytes(Path.of(args[0]));
            int max = Integer.parseInt(args[1]);
            FeedParser parser = new FeedParser();
            long started = System.nanoTime();
            FeedParser.Newest newest = max > 0 ? parser.parseNewest(document, null, max)
                    : new FeedParser.Newest(parser.parse(document, null), -1);
            List<FeedContent.Item> items = newest.content().items();
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf("kept %d of %d items, newest %s; %d ms; heap used after %d MB%n", items.size(),
                    newest.itemsListed(), items.get(items.size() - 1).title(), (System.nanoTime() - started) / 1_000_000,
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        }
    }

    static String item(String guid, int hours) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + guid + "</title><enclosure url=\"https://x.example/"
                + guid + ".mp3\" length=\"1\" type=\"audio/mpeg\"/><pubDate>"
                + RFC_1123.format(FIRST.plusSeconds(3600L * hours).atOffset(ZoneOffset.UTC)) + "</pubDate></item>";
    }

    static byte[] rss(String items) {
        return ("<rss version=\"2.0\"><channel><title>Show</title><link>https://x.example/</link><description>d</description>"
                + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    /** Item i is published i hours after the first: the last ones are the newest. */
    static byte[] bigFeed(int count) {
        StringBuilder items = new StringBuilder(count * 330);
        for (int i = 0; i < count; i++) {
            items.append("<item><guid isPermaLink=\"false\">big-").append(i).append("</guid><title>Episode ").append(i)
                    .append("</title><description>Show notes of episode ").append(i).append(" about tides and lighthouses.</description>")
                    .append("<enclosure url=\"https://cdn.big.example/").append(i).append(".mp3\" length=\"1000\" type=\"audio/mpeg\"/>")
                    .append("<pubDate>").append(RFC_1123.format(FIRST.plusSeconds(3600L * i).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        return rss(items.toString());
    }
}

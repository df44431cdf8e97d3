package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.port.TokenCounter;

/**
 * Parses the real transcripts of the shared test data (see its README) and compares them with the
 * segments that the transcriptator project expects ({@code *_parsed.json}): same count, start and
 * end within a millisecond, same speaker (transcriptator's "" is our null), same text once
 * whitespace is normalised (it keeps the line breaks of a cue, we join lines with a space).
 *
 * <p>Only the plain parses are compared; the other expected files apply transcriptator options
 * (combining segments) that are not ours. Where an expected file differs from ours on purpose, the
 * case says so and why (see {@link Difference}), and the test undoes the difference before comparing. The folder comes from {@code -Dcorpus.dir}, which the
 * parent pom passes on (or {@code -Dwavelength.corpus}); without it the tests are skipped.
 */
class TranscriptCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MILLISECOND = 0.001;

    private final TranscriptParser parser = new TranscriptParser();

    /** How an expected file differs from our parse on purpose; the test undoes it before comparing. */
    enum Difference {
        /**
         * HTML: the last segment has no next start, so its end is unknown; transcriptator writes 0,
         * we write the segment's own start, so that no segment ends before it starts.
         */
        HTML_LAST_END,
        /** HTML: transcriptator keeps character references ({@code Q&amp;A}); we decode them ({@code Q&A}). */
        HTML_REFERENCES,
        /**
         * HTML whose first paragraph has no cite: transcriptator hands out the cites in order, so each
         * speaker lands one paragraph early. We give a paragraph the cite before it, as the spec's
         * layout means, and the first paragraph no speaker.
         */
        HTML_FIRST_CITE_MISSING,
        /**
         * The expected file was made with transcriptator's "combine equal times" option, which joins
         * consecutive segments of one speaker with the same start and end. We keep the segments as
         * published (the chunker groups them later), so the test joins them before comparing.
         */
        COMBINED_EQUAL_TIMES,
        /**
         * The expected file was made with transcriptator's "combine speaker" option, which joins a
         * speaker's consecutive segments. This word-level file also has whitespace-only segments, which
         * we drop, and punctuation-only ones, which we keep; the test joins each turn (punctuation
         * without a space) before comparing.
         */
        COMBINED_SPEAKER
    }

    /**
     * One real transcript and its expected parse.
     *
     * @param quirks indices of expected segments that differ because of a transcriptator quirk, not a
     *               convention; {@code quirk} says which
     */
    record Case(String source, String mimeType, String expected, Set<Difference> differences, Set<Integer> quirks,
            String quirk) {

        Case(String source, String mimeType, String expected, Difference... differences) {
            this(source, mimeType, expected, differences.length == 0 ? Set.of() : EnumSet.copyOf(List.of(differences)),
                    Set.of(), null);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("buzzcast.srt", "application/x-subrip", "buzzcast_srt_parsed.json"),
            new Case("buzzcast.json", "application/json", "buzzcast_json_parsed.json"),
            new Case("buzzcast.html", "text/html", "buzzcast_html_parsed.json", Difference.HTML_LAST_END,
                    Difference.HTML_REFERENCES),
            new Case("how_to_start_a_podcast.json", "application/json", "how_to_start_a_podcast_json_parsed.json"),
            new Case("kde_express-16_kde_en_telegram.vtt", "text/vtt", "kde_express-16_kde_en_telegram_vtt_parsed.json"),
            new Case("podnews_daily_2024-01-25.vtt", "text/vtt", "podnews_daily_2024-01-25_vtt_parsed.json"),
            new Case("podcasting_20_episode_124.srt", "application/srt", "podcasting_20_episode_124_srt_parsed.json"),
            new Case("podnews_weekly_review_2023-03-17.html", "text/html",
                    "podnews_weekly_review_2023-03-17_html_parsed.json", Difference.HTML_LAST_END,
                    Difference.HTML_REFERENCES, Difference.HTML_FIRST_CITE_MISSING),
            new Case("podnews_weekly_review_2023-05-05.json", "application/json",
                    "podnews_weekly_review_2023-05-05_json_parsed.json", EnumSet.of(Difference.COMBINED_EQUAL_TIMES),
                    Set.of(26, 27), "transcriptator also joined \"Jane So let's kick this off.\" (97.057 to 100.157) "
                            + "to the segment before it (94.157 to 94.607), whose times differ"),
            new Case("podnews_weekly_review_2023-06-02.json", "application/json",
                    "podnews_weekly_review_2023-06-02_json_parsed.json", Difference.COMBINED_SPEAKER),
            new Case("podnews_weekly_review_2024-01-19.vtt", "text/vtt", "podnews_weekly_review_2024-01-19_vtt_parsed.json"));

    /** The corpus folder, or a skipped test (not a failure) when it is not there: clones do not have it. */
    static Path corpus() {
        String setting = System.getProperty("wavelength.corpus", System.getProperty("corpus.dir"));
        Assumptions.assumeTrue(setting != null && !setting.isBlank(),
                "Skipped: no corpus folder given; run with -Dcorpus.dir=<path to shared/data> to parse the real transcripts.");
        Path corpus = Path.of(setting).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("transcripts")),
                "Skipped: the corpus folder " + corpus + " (from -Dcorpus.dir) does not exist or has no transcripts/ folder.");
        return corpus;
    }

    @TestFactory
    Stream<DynamicTest> realTranscriptsMatchTheExpectedSegments() {
        Path folder = corpus().resolve("transcripts");
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.source(), () -> check(folder, c)));
    }

    private void check(Path folder, Case c) throws IOException {
        byte[] body = Files.readAllBytes(folder.resolve(c.source()));
        List<TranscriptSegment> parsed = parser.parse(body, c.mimeType(), "https://example.com/" + c.source());
        // the same file without a MIME type or URL is recognised from its content alone
        assertThat(parser.parse(body, null, null)).as("%s sniffed", c.source()).isEqualTo(parsed);

        List<TranscriptSegment> actual = adjust(parsed, c.differences());
        List<TranscriptSegment> expected = expected(folder.resolve(c.expected()), c.differences());
        int matched = 0;
        List<String> differences = new ArrayList<>();
        Set<Integer> quirks = new TreeSet<>();
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            String difference = difference(actual.get(i), expected.get(i));
            if (difference == null) {
                matched++;
            } else if (c.quirks().contains(i)) {
                quirks.add(i);
            } else if (differences.size() < 5) {
                differences.add("#" + i + ": " + difference);
            }
        }
        System.out.printf("transcript %-40s %4d/%-4d segments match %s%s%s%n", c.source(), matched, expected.size(),
                c.expected(), c.differences().isEmpty() ? "" : " after undoing " + c.differences(),
                quirks.isEmpty() ? "" : "; " + quirks.size() + " differ by a transcriptator quirk: " + c.quirk());
        assertThat(actual).as("segments of %s", c.source()).hasSameSizeAs(expected);
        assertThat(differences).as("differences from %s", c.expected()).isEmpty();
        assertThat(quirks).as("segments of %s that differ by the known quirk", c.source()).isEqualTo(c.quirks());
    }

    /** Null when the segments agree, else what differs. */
    private static String difference(TranscriptSegment actual, TranscriptSegment expected) {
        if (Math.abs(actual.start() - expected.start()) > MILLISECOND) {
            return "start " + actual.start() + " != " + expected.start();
        }
        if (Math.abs(actual.end() - expected.end()) > MILLISECOND) {
            return "end " + actual.end() + " != " + expected.end();
        }
        if (!Objects.equals(actual.speaker(), expected.speaker())) {
            return "speaker " + actual.speaker() + " != " + expected.speaker();
        }
        if (!normalise(actual.text()).equals(normalise(expected.text()))) {
            return "text \"" + actual.text() + "\" != \"" + expected.text() + "\"";
        }
        return null;
    }

    private static List<TranscriptSegment> expected(Path file, Set<Difference> differences) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<TranscriptSegment> segments = new ArrayList<>();
        for (JsonNode segment : root.get("segments")) {
            String speaker = segment.path("speaker").asText("");
            String body = segment.get("body").asText();
            if (differences.contains(Difference.HTML_REFERENCES)) {
                body = body.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&amp;", "&");
            }
            segments.add(new TranscriptSegment(segment.get("startTime").asDouble(), segment.get("endTime").asDouble(),
                    speaker.isEmpty() ? null : speaker, body));
        }
        if (differences.contains(Difference.HTML_LAST_END)) {
            TranscriptSegment last = segments.get(segments.size() - 1);
            assertThat(last.end()).as("transcriptator's unknown end").isZero();
            segments.set(segments.size() - 1, new TranscriptSegment(last.start(), last.start(), last.speaker(), last.text()));
        }
        if (differences.contains(Difference.HTML_FIRST_CITE_MISSING)) {
            // transcriptator's speakers are one paragraph early: paragraph i has the cite of paragraph i + 1
            List<TranscriptSegment> shifted = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                String speaker = i == 0 ? null : segments.get(i - 1).speaker();
                TranscriptSegment s = segments.get(i);
                shifted.add(new TranscriptSegment(s.start(), s.end(), speaker, s.text()));
            }
            return shifted;
        }
        return segments;
    }

    private static List<TranscriptSegment> adjust(List<TranscriptSegment> parsed, Set<Difference> differences) {
        List<TranscriptSegment> out = new ArrayList<>();
        for (TranscriptSegment s : parsed) {
            TranscriptSegment last = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean join = last != null && Objects.equals(last.speaker(), s.speaker())
                    && (differences.contains(Difference.COMBINED_SPEAKER)
                            || (differences.contains(Difference.COMBINED_EQUAL_TIMES)
                                    && last.start() == s.start() && last.end() == s.end()));
            if (join) {
                String separator = s.text().matches("\\p{Punct}+") ? "" : " ";
                out.set(out.size() - 1, new TranscriptSegment(last.start(), Math.max(last.end(), s.end()), s.speaker(),
                        last.text() + separator + s.text()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static long letters(String text) {
        return text.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    private static String normalise(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    @Test
    void everyRawTranscriptOfTheCorpusParses() throws IOException {
        Path folder = corpus().resolve("transcripts");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().matches(".*\\.(srt|vtt|json|html)"))
                    .filter(f -> !f.getFileName().toString().contains("_parsed"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            List<TranscriptSegment> segments = parser.parse(Files.readAllBytes(file), null, file.toUri().toString());
            System.out.printf("transcript %-40s %5d segments, %d speakers%n", file.getFileName(), segments.size(),
                    segments.stream().map(TranscriptSegment::speaker).filter(Objects::nonNull).distinct().count());
            assertThat(segments).as("segments of %s", file.getFileName()).isNotEmpty()
                    .allSatisfy(s -> {
                        assertThat(s.text()).isNotBlank();
                        assertThat(s.end()).isGreaterThanOrEqualTo(s.start());
                    });
        }
    }

    @Test
    void realTranscriptsChunkIntoPassagesThatFit() throws IOException {
        TokenCounter words = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;
        PassageChunker chunker = new PassageChunker(words, PassageChunker.DEFAULT_MAX_TOKENS, PassageChunker.DEFAULT_OVERLAP_TOKENS);
        Path folder = corpus().resolve("transcripts");
        for (Case c : CASES) {
            List<TranscriptSegment> segments = parser.parse(Files.readAllBytes(folder.resolve(c.source())), c.mimeType(), null);
            List<PassageDraft> passages = chunker.chunk(segments);
            int segmentWords = segments.stream().mapToInt(s -> words.count(s.text())).sum();
            System.out.printf("passages %-40s %4d passages, %5d words of %5d segments, %3d without a speaker%n", c.source(),
                    passages.size(), segmentWords, segments.size(), passages.stream().filter(p -> p.speaker() == null).count());
            assertThat(passages).as("passages of %s", c.source()).isNotEmpty().allSatisfy(p -> {
                assertThat(words.count(p.text())).isBetween(1, PassageChunker.DEFAULT_MAX_TOKENS);
                assertThat(p.end()).isGreaterThanOrEqualTo(p.start());
            });
            // every word is in a passage, and the overlap repeats some (counted in characters, since
            // punctuation that a word-level file gives its own segment joins the word before it)
            assertThat(passages.stream().mapToLong(p -> letters(p.text())).sum())
                    .isGreaterThanOrEqualTo(segments.stream().mapToLong(s -> letters(s.text())).sum());
            assertThat(passages.get(0).start()).isEqualTo(segments.get(0).start());
        }
    }

    @TestFactory
    Stream<DynamicTest> theSpecExamplesParse() {
        Path folder = corpus().resolve("transcripts/podcast-namespace");
        return Stream.of(
                DynamicTest.dynamicTest("example.vtt", () -> {
                    List<TranscriptSegment> segments = parseFile(folder.resolve("example.vtt"), "text/vtt");
                    assertThat(segments).hasSize(7);
                    assertThat(segments).extracting(TranscriptSegment::speaker)
                            .containsExactly("Sarah", "Sarah", "Sarah", "Sarah", "Sarah", "Gillian", "Gillian");
                    assertThat(segments.get(2).text()).isEqualTo("include in one? Welcome to Podcasting Q&A, where you learn");
                }),
                DynamicTest.dynamicTest("example.srt", () -> {
                    List<TranscriptSegment> segments = parseFile(folder.resolve("example.srt"), "application/x-subrip");
                    assertThat(segments).hasSizeGreaterThan(100);
                    assertThat(segments.get(0)).isEqualTo(new TranscriptSegment(0.179, 2.399, "Travis",
                            "When you first get started in podcasting, it's"));
                    assertThat(segments).extracting(TranscriptSegment::speaker).doesNotContainNull();
                }),
                DynamicTest.dynamicTest("example.json", () -> {
                    List<TranscriptSegment> segments = parseFile(folder.resolve("example.json"), "application/json");
                    assertThat(segments).containsExactly(
                            new TranscriptSegment(0.5, 0.75, "Darth Vader", "I"),
                            new TranscriptSegment(1, 1.25, "Darth Vader", "am"),
                            new TranscriptSegment(1.5, 2.0, "Darth Vader", "your"),
                            new TranscriptSegment(2.25, 2.5, "Darth Vader", "father."),
                            new TranscriptSegment(2.75, 3.0, "Luke", "Nooooo"));
                }),
                DynamicTest.dynamicTest("example.html", () -> {
                    List<TranscriptSegment> segments = parseFile(folder.resolve("example.html"), "text/html");
                    assertThat(segments).hasSize(10);
                    assertThat(segments.get(0).speaker()).isEqualTo("Travis");
                    assertThat(segments.get(1).start()).isEqualTo(53);
                    assertThat(segments.get(0).end()).isEqualTo(53);
                    assertThat(segments).allSatisfy(s -> assertThat(s.text()).doesNotContain("&#39;", "<"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> theChaptersExamplesParse() throws IOException {
        Path folder = corpus().resolve("chapters");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        ChaptersParser chapters = new ChaptersParser();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<Chapter> parsed = chapters.parse(Files.readAllBytes(file));
            System.out.printf("chapters %-30s %3d chapters%n", file.getFileName(), parsed.size());
            assertThat(parsed).isNotEmpty();
            assertThat(parsed).extracting(Chapter::start).isSorted();
            assertThat(parsed.get(0).title()).isEqualTo("Intro");
        }));
    }

    private List<TranscriptSegment> parseFile(Path file, String mimeType) {
        List<TranscriptSegment> segments = new ArrayList<>();
        assertThatCode(() -> segments.addAll(parser.parse(Files.readAllBytes(file), mimeType, file.toString())))
                .doesNotThrowAnyException();
        return segments;
    }
}

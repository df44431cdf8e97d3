package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.port.TokenCounter;

class PassageChunkerTest {

    /** One word piece per whitespace-separated word. */
    private static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

    /** {@code count} words named {@code prefix0, prefix1...}, a sentence ending every {@code sentence} words. */
    private static List<String> words(String prefix, int count, int sentence) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(prefix + i + ((i + 1) % sentence == 0 ? "." : ""));
        }
        return words;
    }

    /** Segments of {@code perSegment} words each, one second per word, from {@code startSecond}. */
    private static List<TranscriptSegment> segments(String speaker, List<String> words, int perSegment, double startSecond) {
        List<TranscriptSegment> segments = new ArrayList<>();
        for (int i = 0; i < words.size(); i += perSegment) {
            List<String> part = words.subList(i, Math.min(words.size(), i + perSegment));
            segments.add(new TranscriptSegment(startSecond + i, startSecond + i + part.size(), speaker, String.join(" ", part)));
        }
        return segments;
    }

    private static List<String> wordsOf(PassageDraft passage) {
        return Arrays.asList(passage.text().split(" "));
    }

    @Test
    void nothingGivesNoPassages() {
        PassageChunker chunker = new PassageChunker(WORDS, 50, 10);
        assertThat(chunker.chunk(List.of())).isEmpty();
        assertThat(chunker.chunk(null)).isEmpty();
        assertThat(chunker.chunk(List.of(new TranscriptSegment(0, 1, "A", "  ")))).isEmpty();
    }

    @Test
    void aShortTranscriptIsOnePassageWithItsTimesAndSpeaker() {
        List<PassageDraft> passages = new PassageChunker(WORDS).chunk(List.of(
                new TranscriptSegment(1.5, 3, "Ann", "Hello  there,"),
                new TranscriptSegment(3, 4, "Ann", " "),
                new TranscriptSegment(4, 6.25, "Ann", "and welcome.")));

        assertThat(passages).containsExactly(new PassageDraft(1.5, 6.25, "Ann", "Hello there, and welcome."));
    }

    @Test
    void everyPassageFitsAndTogetherTheyCoverEveryWordInOrder() {
        List<String> words = words("w", 1000, 9);
        List<PassageDraft> passages = new PassageChunker(WORDS, 50, 10).chunk(segments("Ann", words, 7, 0));

        assertThat(passages).hasSizeGreaterThan(20).allSatisfy(p -> assertThat(WORDS.count(p.text())).isLessThanOrEqualTo(50));
        Set<String> covered = new LinkedHashSet<>();
        int previousFirst = -1;
        int previousLast = -1;
        for (PassageDraft passage : passages) {
            List<String> own = wordsOf(passage);
            int first = words.indexOf(own.get(0));
            int last = words.indexOf(own.get(own.size() - 1));
            assertThat(own).isEqualTo(words.subList(first, last + 1));
            assertThat(first).as("progress").isGreaterThan(previousFirst);
            assertThat(first).as("no gap").isLessThanOrEqualTo(previousLast + 1);
            assertThat(previousLast + 1 - first).as("overlap").isLessThanOrEqualTo(10);
            // a second per word on average; within a segment times go by characters, so not exactly
            assertThat(passage.start()).isCloseTo(first, within(1.0));
            assertThat(passage.end()).isCloseTo(last + 1, within(1.0));
            covered.addAll(own);
            previousFirst = first;
            previousLast = last;
        }
        assertThat(covered).containsExactlyElementsOf(words);
    }

    @Test
    void aFullPassageEndsAtTheBestBoundaryNearItsEnd() {
        // segments of 10 words, 6 words ending a sentence, then 10 words: boundaries after words 10, 16 and 26
        List<TranscriptSegment> segments = new ArrayList<>();
        segments.add(new TranscriptSegment(0, 10, null, String.join(" ", words("a", 10, 100))));
        segments.add(new TranscriptSegment(10, 16, null, String.join(" ", words("b", 6, 6))));
        segments.add(new TranscriptSegment(16, 26, null, String.join(" ", words("c", 10, 100))));

        List<PassageDraft> passages = new PassageChunker(WORDS, 20, 4).chunk(segments);

        // full at 20 words; within the last 5 the end of a sentence and a segment, after b5.
        assertThat(passages.get(0).text()).endsWith("b4 b5.");
        assertThat(passages.get(0).end()).isEqualTo(16);
        // no sentence starts within the 4 words of overlap: it starts at a word
        assertThat(passages.get(1).text()).startsWith("b2 b3 b4 b5. c0");
    }

    @Test
    void aLongSegmentIsSplitAtSentencesWithInterpolatedTimes() {
        String text = "This is the first sentence of a long monologue. Here comes a second one, a little longer than "
                + "the first. And a third sentence closes it!";
        List<PassageDraft> passages = new PassageChunker(WORDS, 12, 0).chunk(List.of(new TranscriptSegment(10, 110, "Ann", text)));

        assertThat(passages).extracting(PassageDraft::text).containsExactly(
                "This is the first sentence of a long monologue.",
                "Here comes a second one, a little longer than the first.",
                "And a third sentence closes it!");
        for (PassageDraft passage : passages) {
            int from = text.indexOf(passage.text());
            assertThat(passage.start()).isCloseTo(10 + 100.0 * from / text.length(), within(1e-9));
            assertThat(passage.end()).isCloseTo(10 + 100.0 * (from + passage.text().length()) / text.length(), within(1e-9));
            assertThat(passage.speaker()).isEqualTo("Ann");
        }
        assertThat(passages.get(2).end()).isEqualTo(110);
    }

    @Test
    void aSentenceCutAtABoundaryIsWholeInTheNextPassage() {
        // sentences of 12 words, longer than the window in which a better cut is looked for
        List<String> words = words("w", 36, 12);
        List<PassageDraft> passages = new PassageChunker(WORDS, 20, 10).chunk(segments("Ann", words, 36, 0));

        assertThat(wordsOf(passages.get(0))).isEqualTo(words.subList(0, 20));
        // the second sentence (w12 to w23.) was cut after w19: the next passage starts with it
        assertThat(wordsOf(passages.get(1))).startsWith("w12", "w13").contains("w23.");
    }

    @Test
    void aChangeOfSpeakerEndsAPassageWithoutOverlap() {
        List<TranscriptSegment> segments = new ArrayList<>(segments("Ann", words("a", 30, 5), 10, 0));
        segments.addAll(segments("Bob", words("b", 30, 5), 10, 30));

        List<PassageDraft> passages = new PassageChunker(WORDS, 50, 10).chunk(segments);

        assertThat(passages).hasSize(2);
        assertThat(passages.get(0)).isEqualTo(new PassageDraft(0, 30, "Ann", String.join(" ", words("a", 30, 5))));
        assertThat(passages.get(1)).isEqualTo(new PassageDraft(30, 60, "Bob", String.join(" ", words("b", 30, 5))));
    }

    @Test
    void theEndOfATurnAfterAnOverlapIsNotGluedToTheNextSpeaker() {
        List<TranscriptSegment> segments = new ArrayList<>(segments("Ann", words("a", 60, 5), 5, 0));
        segments.addAll(segments("Bob", words("b", 30, 5), 5, 60));

        List<PassageDraft> passages = new PassageChunker(WORDS, 50, 10).chunk(segments);

        assertThat(passages).extracting(PassageDraft::speaker).containsExactly("Ann", "Ann", "Bob");
        assertThat(wordsOf(passages.get(1))).startsWith("a40").endsWith("a59.");
        assertThat(wordsOf(passages.get(2))).startsWith("b0").endsWith("b29.");
    }

    @Test
    void aShortInterjectionDoesNotTakeTheSpeakerAwayButAnExchangeHasNone() {
        List<TranscriptSegment> segments = new ArrayList<>(segments("Ann", words("a", 40, 10), 10, 0));
        segments.add(new TranscriptSegment(40, 41, "Bob", "Yeah."));
        segments.addAll(segments("Ann", words("c", 40, 10), 10, 41));

        List<PassageDraft> passages = new PassageChunker(WORDS, 50, 0).chunk(segments);

        assertThat(passages).hasSize(2);
        assertThat(passages.get(1).text()).startsWith("Yeah. c0");
        assertThat(passages.get(1).speaker()).isEqualTo("Ann");

        List<TranscriptSegment> exchange = List.of(
                new TranscriptSegment(0, 5, "Ann", "one two three four five"),
                new TranscriptSegment(5, 10, "Bob", "six seven eight nine ten"),
                new TranscriptSegment(10, 15, "Ann", "eleven twelve thirteen fourteen fifteen"));
        assertThat(new PassageChunker(WORDS, 50, 0).chunk(exchange))
                .containsExactly(new PassageDraft(0, 15, null,
                        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"));
    }

    @Test
    void punctuationAloneInASegmentJoinsTheWordBefore() {
        List<PassageDraft> passages = new PassageChunker(WORDS).chunk(List.of(
                new TranscriptSegment(0.2, 0.4, "S", "It's"),
                new TranscriptSegment(0.5, 0.9, "S", "Friday"),
                new TranscriptSegment(0.9, 0.9, "S", ","),
                new TranscriptSegment(1.0, 1.2, "S", "the"),
                new TranscriptSegment(1.3, 1.6, "S", "2nd"),
                new TranscriptSegment(1.6, 1.6, "S", ".")));

        assertThat(passages).containsExactly(new PassageDraft(0.2, 1.6, "S", "It's Friday, the 2nd."));
    }

    @Test
    void aWordLongerThanAPassageIsSplitIntoPieces() {
        TokenCounter fourCharacters = text -> Arrays.stream(text.strip().split("\\s+"))
                .filter(w -> !w.isEmpty()).mapToInt(w -> (w.length() + 3) / 4).sum();
        String url = "https://example.com/" + "x".repeat(380);

        List<PassageDraft> passages = new PassageChunker(fourCharacters, 30, 0).chunk(List.of(new TranscriptSegment(0, 4, null, url)));

        assertThat(passages).hasSizeGreaterThan(3).allSatisfy(p -> assertThat(fourCharacters.count(p.text())).isLessThanOrEqualTo(30));
        assertThat(String.join("", passages.stream().map(PassageDraft::text).toList())).isEqualTo(url);
        assertThat(passages.get(passages.size() - 1).end()).isEqualTo(4);
    }

    @Test
    void specialTokensCountedByTheCounterAreLeftRoomFor() {
        TokenCounter withSpecials = text -> WORDS.count(text) + 2;
        List<PassageDraft> passages = new PassageChunker(withSpecials, 20, 4).chunk(segments("A", words("w", 100, 6), 10, 0));

        assertThat(passages).allSatisfy(p -> assertThat(withSpecials.count(p.text())).isLessThanOrEqualTo(20));
        assertThat(passages).anySatisfy(p -> assertThat(withSpecials.count(p.text())).isEqualTo(20));
    }

    @Test
    void theWholeTextIsCheckedWhenTheCounterIsNotAdditive() {
        // a tokenizer whose count of a text exceeds the sum of its words' counts
        TokenCounter superAdditive = text -> {
            int words = WORDS.count(text);
            return words + words / 5;
        };
        List<PassageDraft> passages = new PassageChunker(superAdditive, 40, 8).chunk(segments("A", words("w", 300, 7), 10, 0));

        assertThat(passages).allSatisfy(p -> assertThat(superAdditive.count(p.text())).isLessThanOrEqualTo(40));
    }

    @Test
    void theSameInputAlwaysGivesTheSamePassages() {
        List<TranscriptSegment> segments = new ArrayList<>(segments("Ann", words("a", 300, 8), 9, 0));
        segments.addAll(segments("Bob", words("b", 200, 11), 6, 300));
        PassageChunker chunker = new PassageChunker(WORDS, 64, 16);

        assertThat(chunker.chunk(segments)).isEqualTo(chunker.chunk(List.copyOf(segments)))
                .isEqualTo(new PassageChunker(WORDS, 64, 16).chunk(segments));
    }

    @Test
    void untimedTranscriptsGiveUntimedPassages() {
        List<PassageDraft> passages = new PassageChunker(WORDS, 10, 2).chunk(List.of(
                new TranscriptSegment(0, 0, null, String.join(" ", words("w", 25, 5)))));

        assertThat(passages).hasSizeGreaterThan(2).allSatisfy(p -> {
            assertThat(p.start()).isZero();
            assertThat(p.end()).isZero();
        });
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new PassageChunker(WORDS, 20, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PassageChunker(WORDS, 20, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PassageChunker(text -> WORDS.count(text) + 2, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PassageChunker(null, 20, 0)).isInstanceOf(NullPointerException.class);
    }
}

package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.TranscriptSegment;

class MarkdownTranscriptTest {

    private final TranscriptParser parser = new TranscriptParser();

    private List<TranscriptSegment> sample() {
        return parser.parse(Fixtures.bytes("sample.md"), "text/markdown", null);
    }

    @Test
    void aSegmentPerParagraphCutAtMarkersWithTheirSpeakers() {
        List<TranscriptSegment> segments = sample();

        assertThat(segments).extracting(TranscriptSegment::text).containsExactly(
                "Welcome to Engines, the show about old machines. [laughs]",
                "This paragraph has no label, so it is still Ada.",
                "The mill reads its cards \"one by one\".",
                "And then the store holds the numbers.",
                "Past the third minute now.",
                "Back from the break, with *stars* kept.",
                "Past the hour.",
                "A marker that goes back in time.",
                "Last words.");
        assertThat(segments).extracting(TranscriptSegment::speaker).containsExactly(
                "Ada Lovelace", "Ada Lovelace", "Charles Babbage", "Charles Babbage", "Charles Babbage",
                "Ada Lovelace", "Charles Babbage, FRS", "Ada Lovelace", "Ada Lovelace");
    }

    @Test
    void aMarkerIsWhereTheTextAfterItStarts() {
        List<TranscriptSegment> segments = sample();

        assertThat(segments.get(2).start()).isEqualTo(120.0);
        assertThat(segments.get(4).start()).isEqualTo(180.0);
        // after a break "from 04:00 to 05:30" the talk resumes at 05:30
        assertThat(segments.get(5).start()).isEqualTo(330.0);
        // hh:mm:ss.ff past the hour, a stray escaped backslash before it
        assertThat(segments.get(6).start()).isEqualTo(3610.5);
    }

    @Test
    void betweenMarkersTimeRunsEvenlyOverTheCharacters() {
        List<TranscriptSegment> segments = sample();
        String first = segments.get(0).text();
        String second = segments.get(1).text();
        double chars = first.length() + 1 + second.length() + 1; // to the marker at 02:00

        assertThat(segments.get(0).start()).isEqualTo(0.0);
        assertThat(segments.get(0).end()).isCloseTo(120 * first.length() / chars, within(0.001));
        assertThat(segments.get(1).start()).isCloseTo(120 * (first.length() + 1) / chars, within(0.001));
        assertThat(segments.get(1).end()).isCloseTo(120 * (chars - 1) / chars, within(0.001));
        // "Past the third minute now." runs from 03:00 towards the break at 04:00
        TranscriptSegment third = segments.get(4);
        assertThat(third.end()).isCloseTo(180 + 60.0 * third.text().length() / (third.text().length() + 1), within(0.001));
        for (int i = 0; i < 5; i++) {
            assertThat(segments.get(i).end()).isGreaterThan(segments.get(i).start());
            assertThat(segments.get(i + 1).start()).isGreaterThan(segments.get(i).end());
        }
    }

    @Test
    void afterTheLastMarkerAndWhenTimeGoesBackTheMarkerIsCarried() {
        List<TranscriptSegment> segments = sample();

        // the next marker (01:00:05, its frame dropped) is earlier: no rate to interpolate with
        assertThat(segments.get(6)).extracting(TranscriptSegment::start, TranscriptSegment::end)
                .containsExactly(3610.5, 3610.5);
        assertThat(segments.get(7)).extracting(TranscriptSegment::start, TranscriptSegment::end)
                .containsExactly(3605.0, 3605.0);
        assertThat(segments.get(8)).extracting(TranscriptSegment::start, TranscriptSegment::end)
                .containsExactly(3605.0, 3605.0);
    }

    @Test
    void withoutMarkersATranscriptIsUntimed() {
        assertThat(parser.parse(Fixtures.utf8("**Ann:** Hello there.\n\n**Bob**: Hi, _Ann_."), "text/markdown", null))
                .containsExactly(new TranscriptSegment(0, 0, "Ann", "Hello there."),
                        new TranscriptSegment(0, 0, "Bob", "Hi, Ann."));
    }

    @Test
    void markdownIsFoundByTypeExtensionOrContent() {
        byte[] markdown = Fixtures.utf8("**Ann:** \\[00:05\\] Hello.\n\n**Bob:** Hi.");
        List<TranscriptSegment> expected = List.of(new TranscriptSegment(5, 5, "Ann", "Hello."),
                new TranscriptSegment(5, 5, "Bob", "Hi."));
        assertThat(parser.parse(markdown, "text/x-markdown", null)).isEqualTo(expected);
        assertThat(parser.parse(markdown, null, "https://e.com/episode-1.md")).isEqualTo(expected);
        assertThat(parser.parse(markdown, "text/plain", null)).isEqualTo(expected);
    }

    @Test
    void markupIsReducedToItsWords() {
        assertThat(MarkdownTranscriptReader.text("**Bold** and __strong__, *em* and _em_, snake_case_name, "
                + "[a link](https://e.com \"title\"), \\[laughter\\], 2 \\* 3, &amp;"))
                .isEqualTo("Bold and strong, em and em, snake_case_name, a link, [laughter], 2 * 3, &");
    }

    @Test
    void markerTimes() {
        assertThat(MarkdownTranscriptReader.time("04:05")).isEqualTo(245.0);
        assertThat(MarkdownTranscriptReader.time("01:03:59.27")).isEqualTo(3839.27);
        assertThat(MarkdownTranscriptReader.time("00:20:18:08")).isEqualTo(1218.0);
        assertThat(MarkdownTranscriptReader.time("75:00")).isEqualTo(4500.0);
    }
}

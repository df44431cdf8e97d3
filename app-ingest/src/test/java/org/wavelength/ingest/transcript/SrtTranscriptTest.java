package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.TranscriptSegment;

class SrtTranscriptTest {

    private final TranscriptParser parser = new TranscriptParser();

    @Test
    void readsCuesWithSpeakerLabelsTagsAndSloppyBlankLines() {
        List<TranscriptSegment> segments = parser.parse(Fixtures.bytes("sample.srt"), "application/x-subrip", null);

        assertThat(segments).containsExactly(
                new TranscriptSegment(0, 2.76, "Sarah", "In today's episode, you'll learn whether or not you"),
                new TranscriptSegment(2.76, 6.09, "Sarah", "should have a podcast trailer. And if so, what should you"),
                // no blank line before cue 4: its index is not text of cue 3; {\an8} is dropped
                new TranscriptSegment(6.09, 11.61, "Sarah", "include in one? Welcome to Podcasting Q&A."),
                // a label alone on the first line; a stray blank line inside the cue keeps the text with it
                new TranscriptSegment(19.08, 21.45, "Gillian", "Hi Buzzsprout, Gillian here from breaking through careers."),
                // a colon in speech is not a speaker
                new TranscriptSegment(21.45, 25.35, "Gillian", "So the question is: do we need a trailer?"));
    }

    @Test
    void allMimeTypesOfSrtAndTheExtensionAreRecognised() {
        byte[] body = Fixtures.bytes("sample.srt");
        List<TranscriptSegment> expected = parser.parse(body, "application/x-subrip", null);

        assertThat(parser.parse(body, "text/srt", null)).isEqualTo(expected);
        assertThat(parser.parse(body, "application/srt; charset=utf-8", null)).isEqualTo(expected);
        assertThat(parser.parse(body, null, "https://example.com/captions.SRT?token=1")).isEqualTo(expected);
        assertThat(parser.parse(body, "text/plain", null)).isEqualTo(expected);
    }

    @Test
    void millisecondsWithADotAndMissingHoursAreTolerated() {
        List<TranscriptSegment> segments = parser.parse(Fixtures.utf8("1\n00:01.5 --> 00:02,250\nShort.\n"), "text/srt", null);

        assertThat(segments).containsExactly(new TranscriptSegment(1.5, 2.25, null, "Short."));
    }

    @Test
    void anUnreadableTimingIsAnError() {
        assertThatThrownBy(() -> parser.parse(Fixtures.utf8("1\n00:00:01,000 --> soon\nText\n"), "text/srt", "https://x.test/a.srt"))
                .isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("The SRT transcript at https://x.test/a.srt has a cue timing on line 2 that cannot be read");
    }

    @Test
    void textThatIsNotSrtIsAnError() {
        assertThatThrownBy(() -> parser.parse(Fixtures.utf8("Hello, this is not a subtitle file."), "application/x-subrip", null))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("The SRT transcript has no timed cues (lines like 00:00:01.000 --> 00:00:04.000), so it is not "
                        + "a valid SRT file.");
    }
}

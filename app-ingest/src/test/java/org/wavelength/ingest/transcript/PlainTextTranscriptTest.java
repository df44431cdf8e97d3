package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.TranscriptSegment;

class PlainTextTranscriptTest {

    private final TranscriptParser parser = new TranscriptParser();

    @Test
    void aParagraphPerSegmentUntimedWithSpeakerLabels() {
        List<TranscriptSegment> segments = parser.parse(Fixtures.bytes("sample.txt"), "text/plain", null);

        assertThat(segments).containsExactly(
                new TranscriptSegment(0, 0, "Travis", "Welcome back to the show. This line continues Travis's paragraph."),
                new TranscriptSegment(0, 0, "Alban", "Thanks, Travis."),
                new TranscriptSegment(0, 0, "Alban", "And this paragraph has no label, so it is still Alban."),
                new TranscriptSegment(0, 0, "Kevin", "Kevin's label stood alone above."));
    }

    @Test
    void textWithoutBlankLinesIsOneSegmentKeptAsWritten() {
        assertThat(parser.parse(Fixtures.utf8("just words\r\non two lines, <b> & all"), "text/plain", "https://e.com/t.txt"))
                .containsExactly(new TranscriptSegment(0, 0, null, "just words on two lines, <b> & all"));
    }
}

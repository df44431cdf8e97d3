package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.TranscriptSegment;

class JsonTranscriptTest {

    private final TranscriptParser parser = new TranscriptParser();

    private List<TranscriptSegment> parse(String json) {
        return parser.parse(Fixtures.utf8(json), "application/json", "https://example.com/t.json");
    }

    @Test
    void readsSegmentsDroppingBlankOnesAndFillingMissingEndsAndSpeakers() {
        List<TranscriptSegment> segments = parser.parse(Fixtures.bytes("sample.json"), "application/json", null);

        assertThat(segments).containsExactly(
                new TranscriptSegment(0.5, 0.75, "Darth Vader", "I"),
                new TranscriptSegment(1, 1.25, "Darth Vader", "am"),
                // no speaker: the previous one; no endTime: the next later start
                new TranscriptSegment(1.5, 2.25, "Darth Vader", "your"),
                new TranscriptSegment(2.25, 2.5, "Darth Vader", "father."),
                new TranscriptSegment(2.75, 3.0, "Luke", "No & no"),
                // the last one without endTime ends where it starts
                new TranscriptSegment(3.5, 3.5, "Luke", "Nooooo"));
    }

    @Test
    void anEmptyListOfSegmentsIsAnEmptyTranscript() {
        assertThat(parse("{\"version\": \"1.0.0\", \"segments\": []}")).isEmpty();
        assertThat(parse("   ")).isEmpty();
    }

    @Test
    void aBareArrayOfSegmentsAndNumericStringsAreTolerated() {
        assertThat(parse("[{\"startTime\": \"1.5\", \"endTime\": \"00:00:02.000\", \"body\": \"Hi\"}]"))
                .containsExactly(new TranscriptSegment(1.5, 2, null, "Hi"));
    }

    @Test
    void invalidJsonIsAnErrorThatSaysWhere() {
        assertThatThrownBy(() -> parse("{\"segments\": [],}"))
                .isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("The JSON transcript at https://example.com/t.json is not valid JSON: ")
                .hasMessageEndingWith(" (line 1, column 17).")
                .hasCauseInstanceOf(JsonProcessingException.class);
    }

    @Test
    void jsonWithoutSegmentsIsAnError() {
        assertThatThrownBy(() -> parse("{\"version\": \"1.0.0\"}"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("The JSON transcript at https://example.com/t.json has no \"segments\" list, so it is not a "
                        + "Podcasting 2.0 JSON transcript.");
    }

    @Test
    void aSegmentWithoutStartOrBodyIsAnErrorNamingIt() {
        assertThatThrownBy(() -> parse("{\"segments\": [{\"startTime\": 1, \"body\": \"a\"}, {\"body\": \"b\"}]}"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("The JSON transcript at https://example.com/t.json is not valid: its segment 2 has no startTime.");
        assertThatThrownBy(() -> parse("{\"segments\": [{\"startTime\": -1, \"body\": \"a\"}]}"))
                .hasMessageEndingWith("its segment 1 has a startTime that is not a valid number of seconds.");
        assertThatThrownBy(() -> parse("{\"segments\": [{\"startTime\": 1, \"endTime\": \"later\", \"body\": \"a\"}]}"))
                .hasMessageEndingWith("its segment 1 has an endTime that is not a valid number of seconds.");
        assertThatThrownBy(() -> parse("{\"segments\": [{\"startTime\": 1}]}"))
                .hasMessageEndingWith("its segment 1 has no body text.");
        assertThatThrownBy(() -> parse("{\"segments\": [3]}"))
                .hasMessageEndingWith("its segment 1 is not an object.");
    }
}

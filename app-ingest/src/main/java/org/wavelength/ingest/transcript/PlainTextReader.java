package org.wavelength.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.wavelength.core.domain.TranscriptSegment;

/**
 * Reads a plain-text transcript: one segment per paragraph (paragraphs are separated by blank
 * lines), all untimed (start and end 0). A paragraph that starts with a speaker label
 * ({@code Sarah: ...}, see {@link SpeakerLabel}) gives that speaker; one without keeps the previous
 * paragraph's speaker, and a label alone names the speaker of what follows. The text is kept as written apart from whitespace: plain text has no markup.
 */
final class PlainTextReader {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n\\s*");

    private PlainTextReader() {
    }

    static List<TranscriptSegment> read(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        return fromParagraphs(List.of(BLANK_LINE.split(lines)));
    }

    /** One untimed segment per non-blank paragraph; each paragraph is plain text (no markup). */
    static List<TranscriptSegment> fromParagraphs(List<String> paragraphs) {
        List<TranscriptSegment> segments = new ArrayList<>();
        String speaker = null;
        for (String paragraph : paragraphs) {
            String text = TranscriptText.normaliseSpace(paragraph);
            SpeakerLabel.Split label = SpeakerLabel.split(text);
            if (label != null) {
                // "Sarah:" alone names the speaker of the paragraphs that follow
                speaker = label.speaker();
                text = label.text();
            }
            if (!text.isEmpty()) {
                segments.add(new TranscriptSegment(0, 0, speaker, text));
            }
        }
        return List.copyOf(segments);
    }
}

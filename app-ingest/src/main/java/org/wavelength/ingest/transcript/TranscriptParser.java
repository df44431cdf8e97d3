package org.wavelength.ingest.transcript;

import java.util.List;
import org.wavelength.core.domain.TranscriptSegment;

/**
 * Reads a podcast:transcript file into timed segments: SRT, WebVTT, Podcasting 2.0 JSON, the spec's
 * HTML layout, Markdown with time markers, and plain text.
 *
 * <p>The format is found from the MIME type, then the URL's extension, then the content (see
 * {@link TranscriptFormat#detect}). When a declared format cannot be read but the content clearly is
 * another format (a WebVTT file served as {@code application/json}, say), that format is used; so it
 * is when a file declared HTML starts like WebVTT, SRT or JSON, since HTML is read leniently.
 *
 * <p>The text of every segment is cleaned: markup removed, character references decoded, runs of
 * whitespace collapsed to single spaces. Times are seconds from the start of the episode, and a
 * segment's end is never before its start. A segment without a speaker label keeps the previous
 * speaker in every format (SRT, WebVTT and HTML name the speaker only when it changes); a transcript
 * without speakers has null speakers. Segments come in the order of the file. See the readers
 * ({@code CueReader}, {@code JsonTranscriptReader}, {@code HtmlTranscriptReader},
 * {@code MarkdownTranscriptReader}, {@code PlainTextReader}) for what each format allows.
 *
 * <p>Thread-safe and stateless.
 */
public class TranscriptParser {

    /**
     * Parses a downloaded transcript.
     *
     * @param body     the bytes as downloaded; a byte order mark is honoured, UTF-8 is the default
     * @param mimeType the declared type (podcast:transcript {@code type} or Content-Type), may be null
     * @param url      where the transcript came from, for the extension and for messages; may be null
     * @return the segments in the file's order; empty for an empty transcript
     * @throws TranscriptException when the file is not a readable transcript in any of the formats
     */
    public List<TranscriptSegment> parse(byte[] body, String mimeType, String url) {
        String text = TranscriptText.decode(body, mimeType);
        if (text.isBlank()) {
            return List.of();
        }
        TranscriptFormat format = TranscriptFormat.detect(mimeType, url, text);
        TranscriptFormat sniffed = TranscriptFormat.sniff(text);
        if (format == TranscriptFormat.HTML && sniffed != TranscriptFormat.HTML && sniffed != TranscriptFormat.TEXT) {
            // HTML is read leniently and never fails, so a mislabelled cue or JSON file is caught here
            format = sniffed;
        }
        try {
            return read(format, text, url);
        } catch (TranscriptException e) {
            if (sniffed != format && sniffed != TranscriptFormat.TEXT) {
                try {
                    return read(sniffed, text, url);
                } catch (TranscriptException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e;
        }
    }

    private static List<TranscriptSegment> read(TranscriptFormat format, String text, String url) {
        return switch (format) {
            case JSON -> JsonTranscriptReader.read(text, url);
            case VTT -> new CueReader("WebVTT").read(text, url);
            case SRT -> new CueReader("SRT").read(text, url);
            case HTML -> HtmlTranscriptReader.read(text);
            case MARKDOWN -> MarkdownTranscriptReader.read(text);
            case TEXT -> PlainTextReader.read(text);
        };
    }
}

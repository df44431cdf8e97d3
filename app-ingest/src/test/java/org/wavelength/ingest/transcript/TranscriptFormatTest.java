package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.TranscriptSegment;

class TranscriptFormatTest {

    private static final String VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ann>Café crème\n";
    private static final List<TranscriptSegment> VTT_SEGMENTS = List.of(new TranscriptSegment(0, 1, "Ann", "Café crème"));

    private final TranscriptParser parser = new TranscriptParser();

    @Test
    void mimeTypes() {
        assertThat(TranscriptFormat.ofMimeType("application/json")).contains(TranscriptFormat.JSON);
        assertThat(TranscriptFormat.ofMimeType("application/vnd.podcast+json")).contains(TranscriptFormat.JSON);
        assertThat(TranscriptFormat.ofMimeType("TEXT/VTT; charset=UTF-8")).contains(TranscriptFormat.VTT);
        assertThat(TranscriptFormat.ofMimeType("application/x-subrip")).contains(TranscriptFormat.SRT);
        assertThat(TranscriptFormat.ofMimeType("application/srt")).contains(TranscriptFormat.SRT);
        assertThat(TranscriptFormat.ofMimeType("text/srt")).contains(TranscriptFormat.SRT);
        assertThat(TranscriptFormat.ofMimeType("text/html")).contains(TranscriptFormat.HTML);
        assertThat(TranscriptFormat.ofMimeType("text/plain")).contains(TranscriptFormat.TEXT);
        assertThat(TranscriptFormat.ofMimeType("text/markdown; charset=UTF-8")).contains(TranscriptFormat.MARKDOWN);
        assertThat(TranscriptFormat.ofMimeType("application/pdf")).isEmpty();
        assertThat(TranscriptFormat.ofMimeType(null)).isEmpty();
    }

    @Test
    void urlExtensions() {
        assertThat(TranscriptFormat.ofUrl("https://e.com/a/episode.vtt")).contains(TranscriptFormat.VTT);
        assertThat(TranscriptFormat.ofUrl("https://e.com/a/episode.json?x=1.srt#frag")).contains(TranscriptFormat.JSON);
        assertThat(TranscriptFormat.ofUrl("https://e.com/a.b/transcript")).isEqualTo(Optional.empty());
        assertThat(TranscriptFormat.ofUrl("https://feeds.buzzsprout.com/231452/9092843/transcript.html")).contains(TranscriptFormat.HTML);
    }

    @Test
    void sniffing() {
        assertThat(TranscriptFormat.sniff("\n WEBVTT\n")).isEqualTo(TranscriptFormat.VTT);
        assertThat(TranscriptFormat.sniff("{\"segments\": []}")).isEqualTo(TranscriptFormat.JSON);
        assertThat(TranscriptFormat.sniff("1\n00:00:00,780 --> 00:00:06,210\nAdam Curry: podcasting")).isEqualTo(TranscriptFormat.SRT);
        assertThat(TranscriptFormat.sniff("00:00:00,780 --> 00:00:06,210\nno index")).isEqualTo(TranscriptFormat.SRT);
        assertThat(TranscriptFormat.sniff(" <!-- saved --><html></html>")).isEqualTo(TranscriptFormat.HTML);
        assertThat(TranscriptFormat.sniff("<3 podcasts")).isEqualTo(TranscriptFormat.TEXT);
        assertThat(TranscriptFormat.sniff("Plain words.")).isEqualTo(TranscriptFormat.TEXT);
        assertThat(TranscriptFormat.sniff("**Nadia Eghbal:** Hello")).isEqualTo(TranscriptFormat.MARKDOWN);
        assertThat(TranscriptFormat.sniff("**Bold** words: not a label")).isEqualTo(TranscriptFormat.TEXT);
    }

    @Test
    void theMimeTypeComesFirstThenTheExtensionThenTheContent() {
        assertThat(TranscriptFormat.detect("text/html", "https://e.com/t.vtt", VTT)).isEqualTo(TranscriptFormat.HTML);
        assertThat(TranscriptFormat.detect(null, "https://e.com/t.srt", VTT)).isEqualTo(TranscriptFormat.SRT);
        assertThat(TranscriptFormat.detect("application/octet-stream", "https://e.com/t", VTT)).isEqualTo(TranscriptFormat.VTT);
        // text/plain (and .txt) does not decide: servers send it for everything
        assertThat(TranscriptFormat.detect("text/plain", "https://e.com/t.txt", VTT)).isEqualTo(TranscriptFormat.VTT);
        assertThat(TranscriptFormat.detect("text/plain", null, "Words.")).isEqualTo(TranscriptFormat.TEXT);
    }

    @Test
    void aMislabelledFileIsReadAsWhatItClearlyIs() {
        assertThat(parser.parse(Fixtures.utf8(VTT), "application/json", "https://e.com/t.json")).isEqualTo(VTT_SEGMENTS);
        assertThat(parser.parse(Fixtures.utf8(VTT), "text/plain", null)).isEqualTo(VTT_SEGMENTS);
        assertThat(parser.parse(Fixtures.utf8(VTT), "text/html", "https://e.com/t.html")).isEqualTo(VTT_SEGMENTS);
        // a declared format that fails, on content that is not clearly anything else: that format's error
        assertThatThrownBy(() -> parser.parse(Fixtures.utf8("not json"), "application/json", null))
                .isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("The JSON transcript is not valid JSON");
    }

    @Test
    void byteOrderMarksAndCharsets() {
        byte[] utf8 = VTT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertThat(parser.parse(withBom, "text/vtt", null)).isEqualTo(VTT_SEGMENTS);
        // the BOM must not hide the WEBVTT header from sniffing either
        assertThat(parser.parse(withBom, null, null)).isEqualTo(VTT_SEGMENTS);

        byte[] utf16 = ("\uFEFF" + VTT).getBytes(StandardCharsets.UTF_16LE);
        assertThat(parser.parse(utf16, null, null)).isEqualTo(VTT_SEGMENTS);

        // not UTF-8: read as the declared charset, or as Windows-1252 when none is declared
        byte[] latin1 = VTT.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(latin1, "text/vtt", null)).isEqualTo(VTT_SEGMENTS);
        assertThat(parser.parse(latin1, "text/vtt; charset=ISO-8859-1", null)).isEqualTo(VTT_SEGMENTS);
        // valid UTF-8 wins over a server's default ISO-8859-1 label
        assertThat(parser.parse(utf8, "text/vtt; charset=iso-8859-1", null)).isEqualTo(VTT_SEGMENTS);
        byte[] utf16Declared = VTT.getBytes(Charset.forName("UTF-16BE"));
        assertThat(parser.parse(utf16Declared, "text/vtt; charset=UTF-16BE", null)).isEqualTo(VTT_SEGMENTS);
    }

    @Test
    void nothingAtAllIsAnEmptyTranscript() {
        assertThat(parser.parse(null, "text/vtt", null)).isEmpty();
        assertThat(parser.parse(new byte[0], null, null)).isEmpty();
        assertThat(parser.parse(Fixtures.utf8(" \n\t\n"), "application/json", null)).isEmpty();
    }
}

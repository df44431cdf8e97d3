package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.FeedContent.TranscriptLink;

class TranscriptChoiceTest {

    private static final TranscriptLink JSON = link("https://e.com/t.json", "application/json", null, null);
    private static final TranscriptLink VTT = link("https://e.com/t.vtt", "text/vtt", null, null);
    private static final TranscriptLink SRT = link("https://e.com/t.srt", "application/x-subrip", null, "captions");
    private static final TranscriptLink HTML = link("https://e.com/t.html", "text/html", null, null);
    private static final TranscriptLink TEXT = link("https://e.com/t.txt", "text/plain", null, null);
    private static final TranscriptLink MARKDOWN = link("https://e.com/t.md", "text/markdown", null, null);

    private static TranscriptLink link(String url, String type, String language, String rel) {
        return new TranscriptLink(url, type, language, rel);
    }

    @Test
    void richestFirstWhateverTheFeedOrder() {
        List<TranscriptLink> links = new ArrayList<>(List.of(TEXT, MARKDOWN, HTML, SRT, VTT, JSON));
        assertThat(TranscriptChoice.richest(links)).contains(JSON);
        links.remove(JSON);
        assertThat(TranscriptChoice.richest(links)).contains(VTT);
        links.remove(VTT);
        assertThat(TranscriptChoice.richest(links)).contains(SRT);
        links.remove(SRT);
        assertThat(TranscriptChoice.richest(links)).contains(HTML);
        links.remove(HTML);
        assertThat(TranscriptChoice.richest(links)).contains(MARKDOWN);
        links.remove(MARKDOWN);
        assertThat(TranscriptChoice.richest(links)).contains(TEXT);
    }

    @Test
    void captionsAreTimedSoTheyBeatUntimedFormats() {
        TranscriptLink captionsAsText = link("https://e.com/captions", "text/plain", null, "captions");
        assertThat(TranscriptChoice.richest(List.of(HTML, captionsAsText))).contains(captionsAsText);
        // a captions file of a named format ranks as that format
        TranscriptLink vttCaptions = link("https://e.com/c.vtt", "text/vtt", null, "captions");
        assertThat(TranscriptChoice.richest(List.of(SRT, vttCaptions))).contains(vttCaptions);
        assertThat(TranscriptChoice.richest(List.of(vttCaptions, VTT))).contains(vttCaptions);
    }

    @Test
    void theExtensionNamesTheFormatWhenTheTypeDoesNot() {
        TranscriptLink vttAsText = link("https://e.com/t.vtt?x=1", "text/plain", null, null);
        TranscriptLink srtUntyped = link("https://e.com/t.srt", null, null, null);
        assertThat(TranscriptChoice.richest(List.of(srtUntyped, vttAsText))).contains(vttAsText);
        assertThat(TranscriptChoice.richest(List.of(HTML, srtUntyped))).contains(srtUntyped);
    }

    @Test
    void unreadableLinksAreLeftOut() {
        TranscriptLink pdf = link("https://e.com/t.pdf", "application/pdf", null, null);
        TranscriptLink noUrl = link(" ", "application/json", null, null);
        assertThat(TranscriptChoice.richest(List.of(pdf, noUrl))).isEmpty();
        assertThat(TranscriptChoice.richest(List.of(pdf, TEXT))).contains(TEXT);
        assertThat(TranscriptChoice.richest(List.of())).isEmpty();
        assertThat(TranscriptChoice.richest(null)).isEmpty();
        TranscriptLink markdown = link("https://e.com/t", "text/markdown", null, null);
        assertThat(TranscriptChoice.richest(List.of(pdf, markdown))).contains(markdown);
    }

    @Test
    void theFeedsLanguageComesBeforeRichness() {
        TranscriptLink spanishJson = link("https://e.com/es.json", "application/json", "es", null);
        TranscriptLink englishSrt = link("https://e.com/en.srt", "application/x-subrip", "en-US", null);
        TranscriptLink unlabelledHtml = link("https://e.com/t.html", "text/html", null, null);

        assertThat(TranscriptChoice.richest(List.of(spanishJson, englishSrt), "en")).contains(englishSrt);
        // no language attribute: the feed's language, says the spec
        assertThat(TranscriptChoice.richest(List.of(spanishJson, unlabelledHtml), "en-GB")).contains(unlabelledHtml);
        assertThat(TranscriptChoice.richest(List.of(englishSrt, spanishJson), "es")).contains(spanishJson);
        // without the feed's language, richness alone
        assertThat(TranscriptChoice.richest(List.of(englishSrt, spanishJson), null)).contains(spanishJson);
        // nothing in the feed's language: the richest of the others
        assertThat(TranscriptChoice.richest(List.of(englishSrt, spanishJson), "fr")).contains(spanishJson);
    }

    @Test
    void tiesKeepTheFeedOrder() {
        TranscriptLink first = link("https://e.com/1.vtt", "text/vtt", null, null);
        TranscriptLink second = link("https://e.com/2.vtt", "text/vtt", null, null);
        assertThat(TranscriptChoice.richest(List.of(first, second))).contains(first);
        assertThat(TranscriptChoice.richest(List.of(second, first))).contains(second);
    }
}

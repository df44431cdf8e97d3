package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.TranscriptSegment;

class HtmlTranscriptTest {

    private final TranscriptParser parser = new TranscriptParser();

    @Test
    void readsCiteTimeAndParagraphs() {
        List<TranscriptSegment> segments = parser.parse(Fixtures.bytes("sample.html"), "text/html", null);

        assertThat(segments).containsExactly(
                // no cite before the first paragraph: no speaker (the commented-out cite does not count)
                new TranscriptSegment(0, 9, null, "Before anyone is named, it's just music."),
                new TranscriptSegment(9, 3723, "Kevin",
                        "We have an update planned where we would like to give the ability to upload an artwork file for these videos"),
                // "Alban :" as in the spec's snippet; h:mm:ss
                new TranscriptSegment(3723, 3750, "Alban", "You're triggering Tom right now."),
                // a paragraph without its own cite and time keeps both
                new TranscriptSegment(3723, 3750, "Alban", "And a second paragraph, same time."),
                // the last end is unknown: the segment's own start
                new TranscriptSegment(3750, 3750, "Kevin", "Last word."));
    }

    @Test
    void anUnclosedParagraphEndsWhereTheNextTurnBegins() {
        // valid HTML: a <p> is closed by the next <p>; Bob's cite and time inside Alice's paragraph start his turn
        List<TranscriptSegment> segments = parser.parse(Fixtures.utf8(
                "<cite>Alice:</cite><time>0:00</time><p>Hello there<cite>Bob:</cite><time>0:05</time><p>Hi Alice</p>"),
                "text/html", null);

        assertThat(segments).containsExactly(
                new TranscriptSegment(0, 5, "Alice", "Hello there"),
                new TranscriptSegment(5, 5, "Bob", "Hi Alice"));
    }

    @Test
    void untimedParagraphsStartAtZero() {
        List<TranscriptSegment> segments = parser.parse(
                Fixtures.utf8("<cite>Ann:</cite><p>One.</p><cite>Bob:</cite><p>Two.</p>"), "text/html", null);

        assertThat(segments).containsExactly(new TranscriptSegment(0, 0, "Ann", "One."), new TranscriptSegment(0, 0, "Bob", "Two."));
    }

    @Test
    void anUnreadableTimeCountsAsAbsent() {
        List<TranscriptSegment> segments = parser.parse(
                Fixtures.utf8("<time>0:05</time><p>One.</p><time>soon</time><p>Two.</p>"), "text/html", null);

        assertThat(segments).containsExactly(new TranscriptSegment(5, 5, null, "One."), new TranscriptSegment(5, 5, null, "Two."));
    }

    @Test
    void htmlWithoutTheLayoutIsReadAsParagraphs() {
        List<TranscriptSegment> segments = parser.parse(
                Fixtures.utf8("<html><body><div>Ann: Hello &amp; welcome.</div><div>Second<br>line</div></body></html>"),
                "text/html", null);

        assertThat(segments).containsExactly(
                new TranscriptSegment(0, 0, "Ann", "Hello & welcome."),
                new TranscriptSegment(0, 0, "Ann", "Second"),
                new TranscriptSegment(0, 0, "Ann", "line"));
    }

    @Test
    void htmlWithoutTextIsEmpty() {
        assertThat(parser.parse(Fixtures.utf8("<html><head><title>x</title></head><body> </body></html>"), "text/html", null))
                .isEmpty();
    }
}

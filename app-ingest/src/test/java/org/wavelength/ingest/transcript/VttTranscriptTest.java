package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.TranscriptSegment;

class VttTranscriptTest {

    private final TranscriptParser parser = new TranscriptParser();

    private List<TranscriptSegment> parse(String text) {
        return parser.parse(Fixtures.utf8(text), "text/vtt", "https://example.com/episode.vtt");
    }

    @Test
    void readsCuesSkippingHeaderNotesAndStylesWithVoicesTagsAndReferences() {
        List<TranscriptSegment> segments = parser.parse(Fixtures.bytes("sample.vtt"), "text/vtt", null);

        assertThat(segments).hasSize(6);
        assertThat(segments.get(0)).isEqualTo(new TranscriptSegment(0, 2.5, "Ann", "Welcome to Tiny Show, Q&A edition."));
        // no voice span: the speaker carries on; &lt; and &gt; are text, not tags
        assertThat(segments.get(1)).isEqualTo(new TranscriptSegment(2.5, 5, "Ann", "It's nice <really> to be here."));
        // voice with a class, class spans and an inner timestamp tag; cue settings ignored
        assertThat(segments.get(2)).isEqualTo(new TranscriptSegment(5, 8, "Bob Smith", "Thanks, Ann! Glad to be here."));
        // two voices in one cue: split, the time shared by length of text (8 and 9 characters)
        assertThat(segments.get(3).speaker()).isEqualTo("Ann");
        assertThat(segments.get(3).text()).isEqualTo("So, Bob?");
        assertThat(segments.get(3).start()).isEqualTo(8);
        assertThat(segments.get(3).end()).isCloseTo(8 + 4.0 * 8 / 17, within(1e-9));
        assertThat(segments.get(4).speaker()).isEqualTo("Bob Smith");
        assertThat(segments.get(4).text()).isEqualTo("Yes, Ann.");
        assertThat(segments.get(4).start()).isEqualTo(segments.get(3).end());
        assertThat(segments.get(4).end()).isEqualTo(12);
        // mm:ss.mmm
        assertThat(segments.get(5)).isEqualTo(new TranscriptSegment(62.5, 64, "Ann", "Short times work too."));
        assertThat(segments).allSatisfy(s -> assertThat(s.text()).doesNotContain("comment", "color", "::cue"));
    }

    @Test
    void readsBareSecondTimestamps() {
        List<TranscriptSegment> segments = parser.parse(Fixtures.bytes("bare-seconds.vtt"), "text/vtt", null);

        assertThat(segments).containsExactly(
                new TranscriptSegment(0.86, 7.38, "SPEAKER_1", "Bare seconds with milliseconds."),
                new TranscriptSegment(12.5, 15, "SPEAKER_2", "A half second, and a whole one."),
                new TranscriptSegment(75, 3600.25, "SPEAKER_2", "Hours away."));
    }

    @Test
    void followsTheSpecSnippetWhereASpeakerIsNamedOnlyWhenItChanges() {
        List<TranscriptSegment> segments = parse("""
                WEBVTT

                00:00:00.000 --> 00:00:05.000
                <v John>Podcasting 2.0 is really changing the game.

                00:00:05.000 --> 00:00:10.000
                <v Tom>Yeah, absolutely. The new features are incredible.

                00:00:10.000 --> 00:00:15.000
                It's amazing how it's empowering creators like never before.
                """);

        assertThat(segments).extracting(TranscriptSegment::speaker).containsExactly("John", "Tom", "Tom");
    }

    @Test
    void withoutVoicesTheSpeakerIsNullAndLinesAreJoined() {
        List<TranscriptSegment> segments = parse("WEBVTT\n\n00:00:00.000 --> 00:00:11.840\n Buenas, bienvenidas\nde vuelta.\n");

        assertThat(segments).containsExactly(new TranscriptSegment(0, 11.84, null, "Buenas, bienvenidas de vuelta."));
    }

    @Test
    void toleratesACueRightAfterTheHeaderAndAnEndBeforeTheStart() {
        List<TranscriptSegment> segments = parse("WEBVTT\n00:00:05.000 --> 00:00:04.000\nBackwards.\n");

        assertThat(segments).containsExactly(new TranscriptSegment(5, 5, null, "Backwards."));
    }

    @Test
    void emptyFileOrHeaderOnlyGivesNoSegments() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("WEBVTT\n\nNOTE nothing yet\n")).isEmpty();
        assertThat(parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann></v>\n")).isEmpty();
    }

    @Test
    void anUnreadableTimingIsAnErrorThatSaysWhere() {
        assertThatThrownBy(() -> parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine.\n\n00:00:xx.000 --> 00:00:03.000\nBroken.\n"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("The WebVTT transcript at https://example.com/episode.vtt has a cue timing on line 6 that "
                        + "cannot be read: \"00:00:xx.000 --> 00:00:03.000\". Times must look like 00:01:02.500 --> 00:01:04.000.");
    }

    @Test
    void textWithoutCuesIsAnError() {
        assertThatThrownBy(() -> parse("WEBVTT\n\nJust some words without any times.\n"))
                .isInstanceOf(TranscriptException.class)
                .hasMessageContaining("has no timed cues");
    }
}

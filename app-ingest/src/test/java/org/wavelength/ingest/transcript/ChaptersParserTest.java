package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Chapter;

class ChaptersParserTest {

    private final ChaptersParser parser = new ChaptersParser();

    @Test
    void readsSortsAndCleansChapters() {
        List<Chapter> chapters = parser.parse(Fixtures.bytes("chapters.json"));

        assertThat(chapters).containsExactly(
                new Chapter(0, 168.0, "Intro", null, null, true),
                // an end before the start is dropped; a javascript: image is not a web URL
                new Chapter(168, null, "Hearing Aids", null, null, true),
                // a numeric string; a relative URL cannot be linked
                new Chapter(260.5, null, "Progress Report", null, null, true),
                new Chapter(410, null, "Namespace", "https://example.com/ns.jpg",
                        "https://github.com/Podcastindex-org/podcast-namespace", true),
                // no title: a location marker that stays out of the table of contents
                new Chapter(4826, null, null, null, null, false));
    }

    @Test
    void chaptersWithTheSameStartKeepTheirOrder() {
        List<Chapter> chapters = parser.parse(Fixtures.utf8(
                "{\"chapters\": [{\"startTime\": 5, \"title\": \"B\"}, {\"startTime\": 5, \"title\": \"A\"}, {\"startTime\": 1, \"title\": \"C\"}]}"));

        assertThat(chapters).extracting(Chapter::title).containsExactly("C", "B", "A");
    }

    @Test
    void anEmptyListIsNoChapters() {
        assertThat(parser.parse(Fixtures.utf8("{\"version\": \"1.2.0\", \"chapters\": []}"))).isEmpty();
    }

    @Test
    void malformedFilesAreErrorsThatSayWhat() {
        assertThatThrownBy(() -> parser.parse(Fixtures.utf8("{\"chapters\": [}"), "https://e.com/c.json"))
                .isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("The chapters file at https://e.com/c.json is not valid JSON: ")
                // where the array opened, without Jackson's "[Source: REDACTED …]" around it
                .hasMessageContaining("starting at line 1, column 14)")
                .hasMessageNotContaining("Source")
                .hasMessageEndingWith(" (line 1, column 15).");
        assertThatThrownBy(() -> parser.parse(Fixtures.utf8("[]")))
                .hasMessage("The chapters file has no \"chapters\" list, so it is not a podcast:chapters JSON file.");
        assertThatThrownBy(() -> parser.parse(Fixtures.utf8("{\"chapters\": [{\"startTime\": 0}, {\"title\": \"x\"}]}")))
                .hasMessage("The chapters file is not valid: its chapter 2 has no startTime.");
        assertThatThrownBy(() -> parser.parse(Fixtures.utf8("{\"chapters\": [{\"startTime\": \"later\"}]}")))
                .hasMessage("The chapters file is not valid: its chapter 1 has a startTime that is not a valid number of seconds.");
        assertThatThrownBy(() -> parser.parse(Fixtures.utf8("{\"chapters\": [\"Intro\"]}")))
                .hasMessage("The chapters file is not valid: its chapter 1 is not an object.");
        assertThatThrownBy(() -> parser.parse(new byte[0])).hasMessage("The chapters file is empty.");
    }
}

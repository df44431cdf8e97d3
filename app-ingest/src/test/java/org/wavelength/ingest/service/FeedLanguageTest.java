package org.wavelength.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.FeedContent;

/** A feed without <language> is put in the segment of the language its text is written in. */
class FeedLanguageTest {

    static FeedContent feed(String language, String title, String description, String... episodeTitles) {
        return new FeedContent(title, null, description, language, List.of(), null, null, false, null,
                java.util.Arrays.stream(episodeTitles)
                        .map(t -> FeedContent.Item.basic(t, t, null, null, null, null, null)).toList());
    }

    @Test
    void aDeclaredLanguageIsKept() {
        assertThat(FeedIngestion.withLanguage(feed("fr", "Die Geschichte", "Ein Podcast über Geschichte")).language())
                .isEqualTo("fr");
    }

    @Test
    void aMissingLanguageIsGuessedFromTheText() {
        FeedContent german = feed(null, "Geschichte der Computer",
                "Ein Podcast über die Geschichte der Computer und die Menschen, die sie gebaut haben.",
                "Die erste Rechenmaschine", "Wie das Internet entstand");
        assertThat(FeedIngestion.withLanguage(german).language()).isEqualTo("de");
        FeedContent chinese = feed(null, "计算机的历史", "这是一个关于计算机历史和发明者的播客节目，每周更新。", "第一台计算机");
        assertThat(FeedIngestion.withLanguage(chinese).language()).isEqualTo("zh");
    }

    @Test
    void tooLittleTextStaysUndetermined() {
        assertThat(FeedIngestion.withLanguage(feed(null, "X", null)).language()).isNull();
    }
}

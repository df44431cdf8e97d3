package org.wavelength.ingest.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageGuessTest {

    @Test
    void english() {
        assertThat(LanguageGuess.of("A weekly conversation about science, history and the ideas that shape the way "
                + "we live. Every episode, two friends pick a question and follow it wherever it leads."))
                .contains("en");
    }

    @Test
    void simplifiedChinese() {
        assertThat(LanguageGuess.of("每周一期的科技播客，我们聊聊最新的互联网新闻、创业故事和人工智能的发展。欢迎收听并分享给你的朋友。"))
                .contains("zh");
    }

    @Test
    void traditionalChinese() {
        assertThat(LanguageGuess.of("這是一個關於台灣歷史與文化的節目，每集邀請不同的來賓，分享他們的故事與觀點。"))
                .contains("zh");
    }

    @Test
    void japaneseIsNotTakenForChinese() {
        assertThat(LanguageGuess.of("毎週お届けするテクノロジーのポッドキャストです。最新のニュースや話題について、ゆるく楽しくお話しします。"))
                .contains("ja");
    }

    @Test
    void german() {
        assertThat(LanguageGuess.of("Der Podcast über Wirtschaft und Politik: Jede Woche sprechen wir mit Expertinnen "
                + "und Experten über die wichtigsten Themen, die Deutschland bewegen."))
                .contains("de");
    }

    @Test
    void portuguese() {
        assertThat(LanguageGuess.of("Um podcast semanal sobre futebol, com análises dos jogos, entrevistas com os "
                + "jogadores e muita conversa sobre o campeonato brasileiro."))
                .contains("pt");
    }

    @Test
    void markupIsIgnored() {
        assertThat(LanguageGuess.of("<p>Ein <b>wöchentlicher</b> Podcast über Bücher, Literatur und die Menschen, "
                + "die sie schreiben.</p> <a href=\"https://example.com/feed\">Mehr</a>"))
                .contains("de");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "OK", "Hi!", "123 456 789", "你好", "科技早知道", "https://example.com/podcast.mp3",
        "NA https://www.facebook.com/some-very-long-page-name-about-the-history-of-everything/"})
    void tooLittleTextIsUnknown(String text) {
        assertThat(LanguageGuess.of(text)).isEmpty();
    }

    /** Titles the detector alone takes, near certain, for Welsh, German, Swahili... (from the Apple catalogue). */
    @ParameterizedTest
    @ValueSource(strings = {"Call Her Daddy", "The Daily Zeitgeist", "Kwik Brain with Jim Kwik", "Murder Made Me Famous",
        "Artificial Intelligence (AI)", "Das Wetter morgen in Berlin"})
    void shortTitlesAreUnknown(String title) {
        assertThat(LanguageGuess.of(title)).isEmpty();
    }

    @Test
    void theAnswerIsStable() {
        String text = "Histórias de quem vive no campo, contadas pelos próprios agricultores e suas famílias.";
        assertThat(LanguageGuess.of(text)).isEqualTo(LanguageGuess.of(text)).contains("pt");
    }
}

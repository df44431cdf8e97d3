package org.wavelength.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\uE000", "\uDB40\uDC41\uDB40\uDC42", "\uFFFD", "\u200B\u200B", "\u0001\u007F", " \t\n ",
            "\uFEFF", "\uD800"})
    void whatCannotBeReadHoldsNoWords(String text) {
        assertThat(ReadableText.hasWords(text)).isFalse();
        assertThat(ReadableText.of(text)).isEmpty();
    }

    @Test
    void wordsAmongUnreadableCharactersAreKeptAndSpacesMadeOne() {
        assertThat(ReadableText.of("history\u0000\uE000of\t\t com\u00ADputing\u200B")).isEqualTo("history of computing");
        assertThat(ReadableText.of("  Ünïcödé\u3000字幕 ")).isEqualTo("Ünïcödé 字幕");
    }

    @Test
    void joinersOfPersianWordsAndEmojiStay() {
        assertThat(ReadableText.of("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        assertThat(ReadableText.hasWords("👩\u200D💻")).isTrue();
    }

    @Test
    void numbersAndSymbolsAreWords() {
        assertThat(ReadableText.hasWords("42")).isTrue();
        assertThat(ReadableText.hasWords("€")).isTrue();
        assertThat(ReadableText.hasWords("?!")).isFalse();
    }
}

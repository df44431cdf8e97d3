package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedValuesTest {

    @Test
    void normalizesLanguageTagsToBcp47Case() {
        assertThat(FeedValues.normalizeLanguage("en-us")).isEqualTo("en-US");
        assertThat(FeedValues.normalizeLanguage("EN_gb")).isEqualTo("en-GB");
        assertThat(FeedValues.normalizeLanguage("FR")).isEqualTo("fr");
        assertThat(FeedValues.normalizeLanguage("English")).isEqualTo("en");
        assertThat(FeedValues.normalizeLanguage("not a language!")).isNull();
        assertThat(FeedValues.normalizeLanguage("  ")).isNull();
    }
}

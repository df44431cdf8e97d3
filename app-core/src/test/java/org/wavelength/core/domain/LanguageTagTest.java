package org.wavelength.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageTagTest {

    @Test
    void tagsAsPeopleAndFeedsWriteThem() {
        for (String tag : new String[] {"en", "EN", "en-GB", "pt_BR", "zh-Hant-TW", "yue"}) {
            assertThat(LanguageTag.isTag(tag)).as(tag).isTrue();
        }
        assertThat(LanguageTag.parse(" pt-BR ", "language").segment()).isEqualTo("pt");
    }

    @Test
    void anythingElseIsRefusedWithTheFieldItCameIn() {
        for (String text : new String[] {null, "", "e", "english!", "en--GB", "en-verylongsubtag", "中文"}) {
            assertThat(LanguageTag.isTag(text)).as(String.valueOf(text)).isFalse();
        }
        assertThatThrownBy(() -> LanguageTag.parse("english!", "languages"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.NOT_A_LANGUAGE_TAG);
                    assertThat(e.value()).isEqualTo("english!");
                    assertThat(e.getMessage()).isEqualTo("languages takes a language code such as en or pt-BR; it was 'english!'.");
                });
    }
}

package org.wavelength.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    @Test
    void checkedDropsBlanksAndKeepsSegments() {
        Preferences p = Preferences.checked(Arrays.asList(" en-GB ", "", null, "zh"), false, "  jazz, history  ");
        assertThat(p.languages()).containsExactlyInAnyOrder("en", "zh");
        assertThat(p.explicitAllowed()).isFalse();
        assertThat(p.interestPhrases()).containsExactly("jazz", "history");
    }

    @Test
    void eachRuleSaysWhichItIs() {
        List<String> tooMany = IntStream.rangeClosed(0, Preferences.MAX_LANGUAGES).mapToObj(i -> "a" + (char) ('a' + i)).toList();
        assertKind(() -> Preferences.checked(tooMany, true, ""), InvalidInputException.Kind.TOO_MANY_LANGUAGES);
        assertKind(() -> Preferences.checked(List.of("english!"), true, ""), InvalidInputException.Kind.NOT_A_LANGUAGE_TAG);
        assertKind(() -> Preferences.checked(List.of(), true, "x".repeat(Preferences.MAX_INTERESTS + 1)),
                InvalidInputException.Kind.INTERESTS_TOO_LONG);
        assertThat(Preferences.checked(List.of(), true, "x".repeat(Preferences.MAX_INTERESTS)).interests())
                .hasSize(Preferences.MAX_INTERESTS);
    }

    private static void assertKind(Runnable check, InvalidInputException.Kind kind) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }
}

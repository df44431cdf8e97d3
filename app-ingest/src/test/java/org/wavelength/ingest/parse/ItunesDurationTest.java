package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ItunesDurationTest {

    @ParameterizedTest(name = "\"{0}\" is {1} seconds")
    @CsvSource(delimiter = '|', value = {
        "3600       | 3600",
        "60:00      | 3600",
        "1:00:00    | 3600",
        "01:00:00   | 3600",
        "1:02:03    | 3723",
        "1:02:03.5  | 3724",
        "1:02:03.4  | 3723",
        "45:3       | 2703",
        "0:07       | 7",
        "3600.0     | 3600",
        "90,5       | 91",
        "'  125  '  | 125",
        "100:00:00  | 360000",
    })
    void readsEveryCommonShape(String text, int seconds) {
        assertThat(ItunesDuration.toSeconds(text)).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @NullSource
    @ValueSource(strings = {"", " ", "about an hour", "1:2:3:4", "-5", "12:ab", ":30", "1::2", "1h30m", "99999999999999"})
    void givesNullForWhatIsNotADuration(String text) {
        assertThat(ItunesDuration.toSeconds(text)).isNull();
    }
}

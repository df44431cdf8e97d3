package org.wavelength.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchFailuresTest {

    private static final long MB = 1024 * 1024;

    @Test
    void describesLimitsInWords() {
        assertThat(FetchFailures.describeSize(20 * MB)).isEqualTo("20 MB");
        assertThat(FetchFailures.describeSize(MB + MB / 2)).isEqualTo("1.5 MB");
        assertThat(FetchFailures.describeSize(64 * 1024)).isEqualTo("64 KB");
        assertThat(FetchFailures.describeSize(1000)).isEqualTo("1000 bytes");
        assertThat(FetchFailures.describe(Duration.ofSeconds(30))).isEqualTo("30 seconds");
        assertThat(FetchFailures.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(FetchFailures.describe(Duration.ofMillis(250))).isEqualTo("0.3 seconds");
    }
}

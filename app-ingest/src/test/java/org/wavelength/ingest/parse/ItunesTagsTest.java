package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItunesTagsTest {

    @Test
    void treatsExplicitTrueAndExplicitAsExplicit() {
        assertThat(ItunesTags.isExplicit(" Yes ")).isTrue();
        assertThat(ItunesTags.isExplicit("true")).isTrue();
        assertThat(ItunesTags.isExplicit("explicit")).isTrue();
        assertThat(ItunesTags.isExplicit("clean")).isFalse();
        assertThat(ItunesTags.isExplicit("no")).isFalse();
        assertThat(ItunesTags.explicitOrNull(" Clean ")).isFalse();
        assertThat(ItunesTags.explicitOrNull("maybe")).isNull();
    }
}

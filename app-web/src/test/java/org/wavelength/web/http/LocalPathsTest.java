package org.wavelength.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPathsTest {

    static final String[] HOSTILE = {null, "", "podcasts", "//evil.example", "///evil.example", "https://evil.example",
        "/\\evil.example", "/ok\r\nSet-Cookie: x=1", "/ok\u007f", "/%zz"};

    @Test
    void pathsOfThisSiteAreKeptWithTheirQuery() {
        assertThat(LocalPaths.of("/podcasts/12?page=2#top")).hasValue("/podcasts/12?page=2#top");
        assertThat(LocalPaths.of("/search?q=%E4%B8%AD")).hasValue("/search?q=%E4%B8%AD");
    }

    @Test
    void anythingThatLeavesTheSiteOrSplitsAHeaderIsRefused() {
        for (String hostile : HOSTILE) {
            assertThat(LocalPaths.of(hostile)).as(String.valueOf(hostile)).isEmpty();
            assertThat(LocalPaths.afterSignIn(hostile)).as(String.valueOf(hostile)).isEmpty();
        }
    }

    @Test
    void signingInNeverReturnsToTheSignIn() {
        assertThat(LocalPaths.afterSignIn("/me")).hasValue("/me");
        assertThat(LocalPaths.afterSignIn("/login?error=true")).isEmpty();
        assertThat(LocalPaths.afterSignIn("/j_security_check")).isEmpty();
        assertThat(LocalPaths.signInReturningTo("/search?q=a%20b")).hasToString("/login?return=%2Fsearch%3Fq%3Da%2520b");
        assertThat(LocalPaths.signInReturningTo("https://evil.example")).hasToString("/login");
    }
}

package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void dropsTagsAndKeepsWordsApart() {
        assertThat(HtmlText.toPlainText("<p>First paragraph.</p><p>Second<br/>line with <b>bold</b><i>italic</i>.</p>"))
                .isEqualTo("First paragraph. Second line with bolditalic.");
    }

    @Test
    void decodesNamedAndNumericReferences() {
        assertThat(HtmlText.toPlainText("Tom&nbsp;&amp;&nbsp;Jerry &eacute;t&eacute; &#8217;s &#x2014; &lt;tag&gt; &quot;q&quot; &apos;a&apos;"))
                .isEqualTo("Tom & Jerry été ’s — <tag> \"q\" 'a'");
    }

    @Test
    void decodesTheReferencesHtml5AddedToo() {
        // &check; is not in HTML 4; &NotEqualTilde; stands for two code points
        assertThat(HtmlText.toPlainText("Done &check; &bigstar; &NotEqualTilde;")).isEqualTo("Done ✓ ★ \u2242\u0338");
    }

    @Test
    void replacesReferencesToHalfASurrogatePair() {
        assertThat(HtmlText.toPlainText("a&#xD800;b &#128512;")).isEqualTo("a\uFFFDb 😀");
    }

    @Test
    void decodesOnceSoEscapedTextStaysEscaped() {
        assertThat(HtmlText.toPlainText("&amp;lt;b&amp;gt;")).isEqualTo("&lt;b&gt;");
    }

    @Test
    void readsWindows1252NumericReferencesAsBrowsersDo() {
        assertThat(HtmlText.toPlainText("It&#146;s &#150; fine")).isEqualTo("It’s – fine");
    }

    @Test
    void leavesUnknownReferencesAndLooseAmpersandsAsTheyAre() {
        assertThat(HtmlText.toPlainText("Q&A &bogus; AT&T")).isEqualTo("Q&A &bogus; AT&T");
    }

    @Test
    void removesScriptsStylesAndComments() {
        assertThat(HtmlText.toPlainText("<style>p{color:red}</style>Hi<!-- secret --> <script>alert('x')</script>there"))
                .isEqualTo("Hi there");
    }

    @Test
    void collapsesAllKindsOfWhitespace() {
        assertThat(HtmlText.toPlainText("  a\n\n\tb\u00A0\u00A0c\u2009d  ")).isEqualTo("a b c d");
    }

    @Test
    void keepsTextThatOnlyLooksLikeMarkup() {
        assertThat(HtmlText.toPlainText("I <3 podcasts & 2 < 3")).isEqualTo("I <3 podcasts & 2 < 3");
        // no ">" follows, so no tag: the text after "<" stays
        assertThat(HtmlText.toPlainText("<p>True</p> if x<y and y</z")).isEqualTo("True if x<y and y</z");
    }

    @Test
    void unwrapsCdataMarkersLeftInText() {
        assertThat(HtmlText.toPlainText("<![CDATA[<p>Inner</p>]]>")).isEqualTo("Inner");
    }

    @Test
    void handlesNullAndEmpty() {
        assertThat(HtmlText.toPlainText(null)).isNull();
        assertThat(HtmlText.toPlainText("<p> </p>")).isEmpty();
    }
}

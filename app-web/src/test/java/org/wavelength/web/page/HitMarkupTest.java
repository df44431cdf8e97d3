package org.wavelength.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HitMarkupTest {

    @Test
    void marksWholeWordsCaseIgnored() {
        assertThat(HitMarkup.markup("Bitcoin and the Lightning network; bitcoins", List.of("bitcoin", "lightning")))
                .isEqualTo("<mark>Bitcoin</mark> and the <mark>Lightning</mark> network; bitcoins");
    }

    @Test
    void everythingElseIsEscapedTheMarkedWordsToo() {
        assertThat(HitMarkup.markup("<script>alert('x')</script> & \"bitcoin\"", List.of("script", "bitcoin")))
                .isEqualTo("&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt; &amp; &quot;<mark>bitcoin</mark>&quot;");
        assertThat(HitMarkup.markup("<mark>x</mark>", List.of())).isEqualTo("&lt;mark&gt;x&lt;/mark&gt;");
    }

    @Test
    void pairsOfChineseCharactersAreMarkedWhereverTheyStandAndOverlapsJoin() {
        assertThat(HitMarkup.markup("我们聊比特币和闪电网络", List.of("比特", "特币", "闪电")))
                .isEqualTo("我们聊<mark>比特币</mark>和<mark>闪电</mark>网络");
    }

    @Test
    void aSnippetIsTheDescriptionAsTextAroundItsFirstMatch() {
        String description = "<p>" + "Filler words here. ".repeat(40) + "Then <b>bitcoin</b> comes up.</p>";
        String snippet = HitMarkup.snippet(description, List.of("bitcoin")).getValue();
        assertThat(snippet).startsWith("… ").contains("<mark>bitcoin</mark> comes up.").doesNotContain("<b>", "<p>");
        assertThat(snippet.length()).isLessThan(HitMarkup.SNIPPET + 40);
        assertThat(HitMarkup.snippet(null, List.of("x")).getValue()).isEmpty();
    }
}

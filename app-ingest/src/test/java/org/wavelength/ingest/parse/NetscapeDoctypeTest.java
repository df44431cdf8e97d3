package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wavelength.core.domain.FeedContent;

/**
 * RSS 0.91 feeds made from Netscape's template carry its DOCTYPE; podcast clients read them. That one
 * public identifier is accepted and never resolved; every other DOCTYPE is refused as before.
 */
class NetscapeDoctypeTest {

    private static final URI BASE = URI.create("https://example.com/feed.xml");
    private static final String NETSCAPE = "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
            + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">";
    private static final String BODY = "<rss version=\"0.91\"><channel><title>Caf&eacute; Radio</title>"
            + "<link>https://example.com/</link><description>Old but fine</description><language>fr</language>"
            + "<item><title>Premier</title><link>https://example.com/1</link></item></channel></rss>";

    private static FeedContent parse(String xml) {
        return new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), BASE);
    }

    @Test
    void readsAnRss091FeedWithTheNetscapeDoctype() {
        FeedContent feed = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + NETSCAPE + "\n" + BODY);

        assertThat(feed.title()).isEqualTo("Café Radio");
        assertThat(feed.items()).extracting(FeedContent.Item::title).containsExactly("Premier");
    }

    @Test
    void readsItWithTheIdentifiersOnTwoLinesInSingleQuotesAfterAComment() {
        String doctype = "<!DOCTYPE rss PUBLIC '-//Netscape Communications//DTD RSS 0.91//EN'\n"
                + "    'http://my.netscape.com/publish/formats/rss-0.91.dtd'>";

        assertThat(parse("<?xml version=\"1.0\"?><!-- made by hand -->" + doctype + BODY).title()).isEqualTo("Café Radio");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the Netscape identifier with an internal subset: entities of its own
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                    + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\" [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            // the Netscape identifier pointing elsewhere
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://attacker.example/rss.dtd\">",
            // the Netscape address without its public identifier
            "<!DOCTYPE rss SYSTEM \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">",
            // another public identifier
            "<!DOCTYPE rss PUBLIC \"-//Userland//DTD RSS 0.92//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">",
            // the Netscape identifier for another root
            "<!DOCTYPE feed PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                    + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">",
    })
    void refusesEveryOtherDoctype(String doctype) {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?>" + doctype + BODY))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("security reasons");
    }

    @Test
    void refusesASecondDoctypeAfterTheNetscapeOne() {
        String second = "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";

        assertThatThrownBy(() -> parse(NETSCAPE + second + BODY))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE");
    }
}

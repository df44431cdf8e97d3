package org.wavelength.ingest.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OpmlReaderTest {

    private final OpmlReader reader = new OpmlReader();

    private List<OpmlEntry> read(String opml) {
        return reader.read(opml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOutlinesWithFeedsAtAnyDepthInOrder() {
        List<OpmlEntry> entries = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>My podcasts</title></head>
                  <body>
                    <outline type="rss" text="Top Level" xmlUrl="https://top.example.com/feed"/>
                    <outline text="Science">
                      <outline text="Space">
                        <outline type="rss" text="Deep Text" title="Deep &amp; Title" xmlUrl=" https://deep.example.com/rss?a=1&amp;b=2 "/>
                      </outline>
                      <outline type="link" text="Just a web page" url="https://page.example.com/"/>
                      <outline text="Only text" xmlURL="https://text.example.com/feed"/>
                    </outline>
                    <outline text="Blank url" xmlUrl="   "/>
                  </body>
                </opml>""");

        assertThat(entries).containsExactly(
                new OpmlEntry("Top Level", "https://top.example.com/feed"),
                new OpmlEntry("Deep & Title", "https://deep.example.com/rss?a=1&b=2"),
                new OpmlEntry("Only text", "https://text.example.com/feed"));
    }

    @Test
    void keepsAnEntryWithoutTitle() {
        assertThat(read("<opml version=\"1.0\"><body><outline xmlUrl=\"https://x.example.com/\"/></body></opml>"))
                .containsExactly(new OpmlEntry(null, "https://x.example.com/"));
    }

    @Test
    @Timeout(10)
    void readsThousandsOfOutlines() {
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><body>");
        for (int folder = 0; folder < 50; folder++) {
            opml.append("<outline text=\"Folder ").append(folder).append("\">");
            for (int feed = 0; feed < 100; feed++) {
                opml.append("<outline type=\"rss\" text=\"Feed ").append(folder).append('-').append(feed)
                        .append("\" xmlUrl=\"https://feeds.example.com/").append(folder).append('/').append(feed).append("\"/>");
            }
            opml.append("</outline>");
        }
        opml.append("</body></opml>");

        long start = System.nanoTime();
        List<OpmlEntry> entries = read(opml.toString());

        assertThat(entries).hasSize(5000);
        assertThat(entries.get(4999)).isEqualTo(new OpmlEntry("Feed 49-99", "https://feeds.example.com/49/99"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void handlesDeepNestingWithoutRecursion() {
        int depth = 2000;
        String opml = "<opml version=\"2.0\"><body>"
                + "<outline text=\"level\">".repeat(depth)
                + "<outline text=\"Bottom\" xmlUrl=\"https://bottom.example.com/\"/>"
                + "</outline>".repeat(depth)
                + "</body></opml>";

        assertThat(read(opml)).containsExactly(new OpmlEntry("Bottom", "https://bottom.example.com/"));
    }

    @Test
    void acceptsWhitespaceAndAByteOrderMarkBeforeTheDeclaration() {
        byte[] body = "\n  <?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"A\" xmlUrl=\"https://a.example.com/\"/></body></opml>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(reader.read(withBom)).containsExactly(new OpmlEntry("A", "https://a.example.com/"));
    }

    @Test
    void readsTheDeclaredEncoding() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml version=\"2.0\"><body><outline text=\"Caf\u00e9\" xmlUrl=\"https://cafe.example.com/\"/></body></opml>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(reader.read(latin1)).containsExactly(new OpmlEntry("Café", "https://cafe.example.com/"));
    }

    @Test
    @Timeout(5)
    void refusesExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline text="&secret;" xmlUrl="https://x.example.com/"/></body></opml>""";

        assertThatThrownBy(() -> read(xxe))
                .isInstanceOf(OpmlException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("not allowed for security reasons")
                .hasMessageNotContaining("root:");
    }

    @Test
    @Timeout(5)
    void refusesTheBillionLaughs() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <opml version="2.0"><body><outline text="&lol9;" xmlUrl="https://x.example.com/"/></body></opml>""";

        assertThatThrownBy(() -> read(lol))
                .isInstanceOf(OpmlException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void explainsWhatIsNotOpml() {
        assertThatThrownBy(() -> read("<rss version=\"2.0\"><channel/></rss>"))
                .isInstanceOf(OpmlException.class)
                .hasMessage("This file is a podcast feed, not an OPML subscription list: add its address as a feed instead.");
        assertThatThrownBy(() -> read("<html><body>Hi</body></html>"))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("This file is not an OPML file: it is an HTML page.");
        assertThatThrownBy(() -> read("<subscriptions/>"))
                .isInstanceOf(OpmlException.class)
                .hasMessage("This file is not an OPML file: its top-level element is <subscriptions>, where an OPML file has <opml>.");
    }

    @Test
    void explainsEmptyAndBrokenFiles() {
        assertThatThrownBy(() -> reader.read(new byte[0]))
                .isInstanceOf(OpmlException.class)
                .hasMessage("The OPML file is empty.");
        assertThatThrownBy(() -> read(" \n "))
                .isInstanceOf(OpmlException.class)
                .hasMessage("The OPML file is empty.");
        assertThatThrownBy(() -> read("{\"feeds\": []}"))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("This file is not a readable OPML file: the XML is broken on line 1");
        assertThatThrownBy(() -> read("<opml version=\"2.0\">\n<body>\n<outline text=\"a\" xmlUrl=\"https://a/\">\n</body></opml>"))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("This file is not a readable OPML file: the XML is broken on line 4");
    }
}

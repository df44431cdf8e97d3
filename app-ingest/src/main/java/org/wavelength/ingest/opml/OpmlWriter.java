package org.wavelength.ingest.opml;

import java.util.List;
import org.wavelength.core.domain.Feed;

/** Writes the catalogue's feeds as an OPML 2.0 subscription list that podcast apps can import. */
public class OpmlWriter {

    private static final String LIST_TITLE = "Wavelength feeds";

    /** One {@code <outline type="rss">} per feed, titled with the feed's title or, before its first fetch, its URL. */
    public String write(List<Feed> feeds) {
        return write(LIST_TITLE, feeds.stream().map(feed -> new OpmlEntry(
                feed.title() == null || feed.title().isBlank() ? feed.url() : feed.title().strip(), feed.url())).toList());
    }

    /** A list of feeds under a title: one {@code <outline type="rss">} each. */
    public String write(String listTitle, List<OpmlEntry> entries) {
        StringBuilder out = new StringBuilder(256 + entries.size() * 160);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<opml version=\"2.0\">\n");
        out.append("  <head>\n");
        out.append("    <title>").append(escape(listTitle)).append("</title>\n");
        out.append("  </head>\n");
        out.append("  <body>\n");
        for (OpmlEntry entry : entries) {
            out.append("    <outline type=\"rss\" text=\"").append(escape(entry.title()))
                    .append("\" title=\"").append(escape(entry.title()))
                    .append("\" xmlUrl=\"").append(escape(entry.xmlUrl()))
                    .append("\"/>\n");
        }
        out.append("  </body>\n");
        out.append("</opml>\n");
        return out.toString();
    }

    /**
     * Escapes for both text and double-quoted attributes; line breaks and tabs become references so
     * attribute values keep them, and characters XML 1.0 cannot carry at all are dropped.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if ((c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

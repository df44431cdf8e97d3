package org.wavelength.web.rest.gpodder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.wavelength.ingest.opml.OpmlEntry;
import org.wavelength.ingest.opml.OpmlReader;

/** The Simple API's OPML: a list of feed URLs, nothing more (apps fetch the titles themselves). */
final class SimpleFormats {

    private SimpleFormats() {
    }

    static String opml(List<String> urls) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">\n"
                + "  <head><title>Wavelength subscriptions</title></head>\n  <body>\n");
        for (String url : urls) {
            String escaped = escape(url);
            out.append("    <outline type=\"rss\" text=\"").append(escaped).append("\" xmlUrl=\"").append(escaped).append("\"/>\n");
        }
        return out.append("  </body>\n</opml>\n").toString();
    }

    static List<String> opmlUrls(String body) {
        return new OpmlReader().read(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)).stream()
                .map(OpmlEntry::xmlUrl).toList();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

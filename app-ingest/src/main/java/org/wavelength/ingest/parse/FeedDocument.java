package org.wavelength.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * What ROME made of a feed, with the raw XML next to it for what ROME loses.
 *
 * @param feed     ROME's reading, with its RSS/Atom objects preserved
 * @param document the XML as parsed
 */
record FeedDocument(SyndFeed feed, Document document) {

    /** The element that holds the show's fields: RSS {@code <channel>}, or the Atom {@code <feed>}. */
    Element channel() {
        return channelOf(document);
    }

    /** {@link #channel()} of an XML document that ROME has not read (yet). */
    static Element channelOf(Document document) {
        Element root = document.getRootElement();
        if (root.getName().equals("feed")) {
            return root;
        }
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                return child;
            }
        }
        return null;
    }

    /** Item elements where ROME looks for them: in the channel (RSS 2.0), beside it (RSS 1.0), or entries (Atom). */
    List<Element> itemElements() {
        Element root = document.getRootElement();
        Element channel = channel();
        if (root.getName().equals("feed")) {
            return root.getChildren("entry", root.getNamespace());
        }
        List<Element> items = new ArrayList<>();
        if (root.getName().equals("rss") && channel != null) {
            items.addAll(channel.getChildren("item", channel.getNamespace()));
        } else {
            for (Element child : root.getChildren()) {
                if (child.getName().equals("item")) {
                    items.add(child);
                }
            }
        }
        return items;
    }
}

package org.wavelength.web.view;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.wavelength.core.domain.EpisodeRecommendation;
import org.wavelength.core.domain.FeedContent;

/**
 * A listener's "For you" feed as RSS 2.0 with the iTunes tags podcast apps and Apple ask for. Item
 * descriptions are HTML, as RSS readers take them ({@link #html}). Written by a
 * StAX writer, which escapes every text and attribute; characters XML 1.0 cannot hold at all (controls that a
 * feed's title may carry) are left out first, so that the document always parses.
 */
public final class ForYouRss {

    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    /** One of Apple's categories: what the feed is, a choice of things to listen to. */
    static final String CATEGORY = "Leisure";
    static final int MAX_DESCRIPTION = 4_000;
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public record Channel(String title, String description, String link, String selfUrl, String imageUrl, String language,
            Instant built) {
    }

    public record Item(String guid, String title, String description, String link, String author, String imageUrl,
            boolean explicit, FeedContent.Enclosure enclosure, Integer durationSeconds, Instant published) {

        /**
         * An item of a recommended episode: its original media file (the enclosure the episode plays, with the
         * type and length its feed gave), its description begun with the reason it was recommended. Null for
         * an episode without a media file, which no podcast app could play.
         */
        public static Item of(EpisodeRecommendation r, List<FeedContent.Enclosure> enclosures, String pageUrl) {
            String audio = r.episode().audioUrl();
            if (audio == null) {
                return null;
            }
            FeedContent.Enclosure listed = enclosures.stream().filter(e -> audio.equals(e.url())).findFirst().orElse(null);
            FeedContent.Enclosure enclosure = new FeedContent.Enclosure(audio,
                    listed != null && listed.type() != null ? listed.type() : "audio/mpeg",
                    listed != null && listed.length() != null && listed.length() >= 0 ? listed.length() : 0L);
            String notes = r.episode().description() == null ? "" : r.episode().description().strip();
            String description = r.reason().text() + "." + (notes.isEmpty() ? "" : " " + notes);
            return new Item("wavelength-episode-" + r.episode().id(), r.episode().title(),
                    description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION - 1) + "…" : description,
                    pageUrl, r.podcast().author() != null ? r.podcast().author() : r.podcast().title(),
                    r.episode().imageUrl() != null ? r.episode().imageUrl() : r.podcast().imageUrl(), r.podcast().explicit(),
                    enclosure, r.episode().durationSeconds(), r.episode().publishedAt());
        }
    }

    private ForYouRss() {
    }

    public static String write(Channel channel, List<Item> items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("itunes", ITUNES);
            xml.writeNamespace("atom", ATOM);
            xml.writeStartElement("channel");
            text(xml, "title", channel.title());
            text(xml, "link", channel.link());
            text(xml, "description", channel.description());
            text(xml, "language", channel.language());
            text(xml, "lastBuildDate", RFC_822.format(channel.built()));
            xml.writeEmptyElement("atom", "link", ATOM);
            attribute(xml, "href", channel.selfUrl());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            xml.writeStartElement("image");
            text(xml, "url", channel.imageUrl());
            text(xml, "title", channel.title());
            text(xml, "link", channel.link());
            xml.writeEndElement();
            xml.writeEmptyElement("itunes", "image", ITUNES);
            attribute(xml, "href", channel.imageUrl());
            itunes(xml, "author", "Wavelength");
            itunes(xml, "summary", channel.description());
            itunes(xml, "explicit", String.valueOf(items.stream().anyMatch(Item::explicit)));
            xml.writeEmptyElement("itunes", "category", ITUNES);
            xml.writeAttribute("text", CATEGORY);
            itunes(xml, "type", "episodic");
            // A private feed: directories that find its address must not list it.
            itunes(xml, "block", "Yes");
            for (Item item : items) {
                item(xml, item);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void item(XMLStreamWriter xml, Item item) throws XMLStreamException {
        xml.writeStartElement("item");
        text(xml, "title", item.title());
        // RSS descriptions are read as HTML: the plain text is escaped as HTML first (numeric references, which
        // every reader decodes), so a title holding markup shows as written. No itunes:summary, which is plain
        // text: readers that take it over the description would read its markup as HTML.
        text(xml, "description", "<p>" + html(item.description()) + "</p>");
        text(xml, "link", item.link());
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(XmlText.of(item.guid()));
        xml.writeEndElement();
        xml.writeEmptyElement("enclosure");
        attribute(xml, "url", item.enclosure().url());
        attribute(xml, "type", item.enclosure().type());
        xml.writeAttribute("length", String.valueOf(item.enclosure().length()));
        if (item.published() != null) {
            text(xml, "pubDate", RFC_822.format(item.published()));
        }
        if (item.durationSeconds() != null && item.durationSeconds() > 0) {
            int s = item.durationSeconds();
            itunes(xml, "duration", String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60));
        }
        itunes(xml, "author", item.author());
        if (item.imageUrl() != null) {
            xml.writeEmptyElement("itunes", "image", ITUNES);
            attribute(xml, "href", item.imageUrl());
        }
        itunes(xml, "explicit", String.valueOf(item.explicit()));
        xml.writeEndElement();
    }

    static String html(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&', '<', '>', '"', '\'' -> escaped.append("&#").append(c).append(';');
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.of(value));
        xml.writeEndElement();
    }

    private static void itunes(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement("itunes", name, ITUNES);
        xml.writeCharacters(XmlText.of(value));
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, XmlText.of(value == null ? "" : value));
    }

    /** A text without the characters XML 1.0 cannot hold (escaping is the writer's). */
    static final class XmlText {

        private XmlText() {
        }

        static String of(String text) {
            StringBuilder kept = new StringBuilder(text.length());
            text.codePoints().filter(XmlText::allowed).forEach(kept::appendCodePoint);
            return kept.toString();
        }

        private static boolean allowed(int c) {
            return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
        }
    }
}

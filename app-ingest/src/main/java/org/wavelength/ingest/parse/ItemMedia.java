package org.wavelength.ingest.parse;

import static org.wavelength.ingest.parse.FeedValues.clean;
import static org.wavelength.ingest.parse.FeedValues.resolve;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdom2.Element;
import org.wavelength.core.domain.FeedContent;

/**
 * The media files of one item: RSS {@code <enclosure>}, Atom {@code <link rel="enclosure">} and
 * Media RSS ({@code <media:content>}, {@code <media:thumbnail>}, {@code <media:description>}, directly
 * or in a {@code <media:group>}), read from the raw item element where ROME keeps only part of them.
 */
final class ItemMedia {

    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private ItemMedia() {
    }

    /**
     * The one file to play: the first audio or video enclosure (a feed may also attach images or
     * PDFs), else the first enclosure, else an audio or video {@code <media:content>}, which is all
     * YouTube-style and some video feeds have.
     */
    static String audioUrl(SyndEntry entry, Element element, URI baseUri) {
        String first = null;
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            String url = resolve(baseUri, enclosure.getUrl());
            if (url == null) {
                continue;
            }
            if (isAudioOrVideo(enclosure.getType(), null)) {
                return url;
            }
            if (first == null) {
                first = url;
            }
        }
        if (first != null || element == null) {
            return first;
        }
        for (Element content : mediaChildren(element, "content")) {
            if (isAudioOrVideo(content.getAttributeValue("type"), content.getAttributeValue("medium"))) {
                String url = resolve(baseUri, content.getAttributeValue("url"));
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    /**
     * Every media file of the item, once each, in document order: RSS enclosures, Atom enclosure
     * links and Media RSS contents (but not the images Media RSS uses as thumbnails). A length of 0
     * or one that is not a number is unknown (null), as is a missing type.
     */
    static List<FeedContent.Enclosure> enclosures(SyndEntry entry, Element element, URI baseUri) {
        Map<String, FeedContent.Enclosure> byUrl = new LinkedHashMap<>();
        if (element != null) {
            for (Element child : element.getChildren()) {
                String namespace = child.getNamespaceURI();
                if (child.getName().equals("enclosure") && namespace.equals(element.getNamespaceURI())) {
                    add(byUrl, baseUri, child.getAttributeValue("url"), child.getAttributeValue("type"),
                            child.getAttributeValue("length"));
                } else if (child.getName().equals("link") && ATOM.equals(namespace)
                        && "enclosure".equals(clean(child.getAttributeValue("rel")))) {
                    add(byUrl, baseUri, child.getAttributeValue("href"), child.getAttributeValue("type"),
                            child.getAttributeValue("length"));
                } else if (isMediaRss(namespace) && (child.getName().equals("content") || child.getName().equals("group"))) {
                    List<Element> contents = child.getName().equals("content") ? List.of(child)
                            : child.getChildren("content", child.getNamespace());
                    for (Element content : contents) {
                        if (!isImage(content)) {
                            add(byUrl, baseUri, content.getAttributeValue("url"), content.getAttributeValue("type"),
                                    content.getAttributeValue("fileSize"));
                        }
                    }
                }
            }
        }
        if (byUrl.isEmpty()) {
            // No raw item at hand (or a format we do not read raw, such as RSS 1.0): ROME's reading.
            for (SyndEnclosure enclosure : entry.getEnclosures()) {
                add(byUrl, baseUri, enclosure.getUrl(), enclosure.getType(), Long.toString(enclosure.getLength()));
            }
        }
        return List.copyOf(byUrl.values());
    }

    /** The first {@code <media:thumbnail>} of the item, resolved; null when there is none. */
    static String thumbnailUrl(Element item, URI baseUri) {
        for (Element thumbnail : mediaChildren(item, "thumbnail")) {
            String url = resolve(baseUri, thumbnail.getAttributeValue("url"));
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    /** The text of the first non-blank {@code <media:description>}, as written (it may be HTML); null when none. */
    static String description(Element item) {
        for (Element description : mediaChildren(item, "description")) {
            if (clean(description.getText()) != null) {
                return description.getText();
            }
        }
        return null;
    }

    private static void add(Map<String, FeedContent.Enclosure> byUrl, URI baseUri, String url, String type, String length) {
        String resolved = resolve(baseUri, url);
        if (resolved != null) {
            byUrl.putIfAbsent(resolved, new FeedContent.Enclosure(resolved, clean(type), positiveLong(length)));
        }
    }

    private static boolean isAudioOrVideo(String type, String medium) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        String m = medium == null ? "" : medium.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("audio/") || t.startsWith("video/") || m.equals("audio") || m.equals("video");
    }

    private static boolean isImage(Element mediaContent) {
        String type = mediaContent.getAttributeValue("type", "").strip().toLowerCase(Locale.ROOT);
        String medium = mediaContent.getAttributeValue("medium", "").strip().toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || medium.equals("image");
    }

    private static boolean isMediaRss(String namespace) {
        // The spec's namespace has a trailing slash; some feeds leave it out.
        return namespace.equals(MEDIA_RSS) || namespace.equals("http://search.yahoo.com/mrss");
    }

    /** Media RSS children with this name, directly on the item or in a {@code <media:group>}, in document order. */
    private static List<Element> mediaChildren(Element item, String name) {
        List<Element> found = new ArrayList<>();
        for (Element child : item.getChildren()) {
            if (isMediaRss(child.getNamespaceURI())) {
                if (child.getName().equals(name)) {
                    found.add(child);
                } else if (child.getName().equals("group")) {
                    found.addAll(child.getChildren(name, child.getNamespace()));
                }
            }
        }
        return found;
    }

    private static Long positiveLong(String text) {
        String value = clean(text);
        if (value == null || !value.matches("\\+?\\d{1,18}")) {
            return null;
        }
        long number = Long.parseLong(value);
        return number > 0 ? number : null;
    }
}

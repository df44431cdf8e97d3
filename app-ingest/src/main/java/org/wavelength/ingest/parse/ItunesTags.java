package org.wavelength.ingest.parse;

import com.rometools.modules.itunes.ITunes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;

/** Reads iTunes tags from the raw XML, which keeps what ROME drops (nested categories) and the values as written. */
final class ItunesTags {

    private ItunesTags() {
    }

    /** Whether itunes:explicit says explicit ("yes", "true", "explicit"); false for anything else. */
    static boolean isExplicit(String value) {
        return Boolean.TRUE.equals(explicitOrNull(value));
    }

    /** The values Apple and podcast clients accept for itunes:explicit; null for anything else. */
    static Boolean explicitOrNull(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "explicit" -> true;
            case "no", "false", "clean" -> false;
            default -> null;
        };
    }

    /** Text of a child in the iTunes namespace (also its old capitalised spelling), or null. */
    static String itunesChildText(Element parent, String name) {
        Element child = itunesChild(parent, name);
        return child != null ? child.getTextTrim() : null;
    }

    static Element itunesChild(Element parent, String name) {
        List<Element> children = itunesChildren(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    static List<Element> itunesChildren(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name) && child.getNamespaceURI().equalsIgnoreCase(ITunes.URI)) {
                found.add(child);
            }
        }
        return found;
    }
}

package org.wavelength.ingest.parse;

import com.rometools.rome.feed.synd.SyndLink;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.wavelength.core.domain.LanguageTag;
import org.wavelength.core.domain.WebAddress;

/** Cleans the values read from a feed (text, numbers, languages, URLs) the same way for the show and its episodes. */
final class FeedValues {

    // Includes the no-break space that &nbsp; leaves in titles.
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u3000]+");

    private static final Map<String, String> LANGUAGE_BY_ENGLISH_NAME = languagesByEnglishName();

    private FeedValues() {
    }

    /** Trims, collapses runs of whitespace to one space, and maps blank to null. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        return emptyToNull(WHITESPACE.matcher(value).replaceAll(" ").strip());
    }

    static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The value lower-cased when it is one of the allowed ones (given in lower case), else null. */
    static String oneOf(String value, String... allowed) {
        String cleaned = clean(value);
        if (cleaned == null) {
            return null;
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        return List.of(allowed).contains(lower) ? lower : null;
    }

    /** A whole number above zero, as season and episode numbers must be; null for anything else. */
    static Integer positiveInteger(String text) {
        String value = clean(text);
        if (value == null || !value.matches("\\+?\\d{1,9}")) {
            return null;
        }
        int number = Integer.parseInt(value);
        return number > 0 ? number : null;
    }

    static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * Resolves a URL from the feed against where the feed came from. A URL that is not valid as
     * written is kept when it is absolute (clients will still try it) and dropped when relative.
     */
    static String resolve(URI baseUri, String reference) {
        return WebAddress.orNull(absolute(baseUri, reference));
    }

    /**
     * The reference made absolute, whatever its scheme: for what names a feed rather than links to it (a
     * podroll's feedUrl is matched against stored feed addresses, file: ones of a local folder too).
     */
    static String absolute(URI baseUri, String reference) {
        String value = clean(reference);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.replace(" ", "%20"));
            if (uri.isAbsolute() || baseUri == null) {
                return uri.isAbsolute() ? uri.toString() : null;
            }
            return baseUri.resolve(uri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null; // not an address at all
        }
    }

    /**
     * The base for relative URLs inside an element: where the document came from, changed by any
     * {@code xml:base} on the element or its ancestors.
     */
    static URI baseOf(Element element, URI documentUri) {
        List<String> bases = new ArrayList<>();
        for (Element current = element; current != null; current = current.getParentElement()) {
            String base = clean(current.getAttributeValue("base", Namespace.XML_NAMESPACE));
            if (base != null) {
                bases.add(base);
            }
        }
        URI base = documentUri;
        for (int i = bases.size() - 1; i >= 0; i--) {
            String resolved = resolve(base, bases.get(i));
            if (resolved != null) {
                try {
                    base = new URI(resolved);
                } catch (URISyntaxException unusable) {
                    // keep the outer base
                }
            }
        }
        return base;
    }

    /**
     * The web page of an Atom feed or entry: ROME may pick the first link, which can be rel="self"
     * (the feed itself), so prefer the alternate one. RSS has a single link and no rel.
     */
    static String alternateLink(List<SyndLink> links, String fallback) {
        for (SyndLink link : links) {
            String rel = link.getRel();
            if ((rel == null || rel.isBlank() || rel.equals("alternate")) && clean(link.getHref()) != null) {
                return link.getHref();
            }
        }
        return fallback;
    }

    /** The first candidate that has readable text, as plain text; null when none has. */
    static String plainText(String... candidates) {
        for (String candidate : candidates) {
            String text = emptyToNull(HtmlText.toPlainText(candidate));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /**
     * BCP 47 with canonical case, so equal languages compare equal: "en-us" and "EN_US" become
     * "en-US", "FR" becomes "fr". Some feeds write the language's English name ("English"); that
     * becomes its code. Anything else unreadable becomes null rather than a wrong guess.
     */
    static String normalizeLanguage(String language) {
        String value = clean(language);
        if (value == null) {
            return null;
        }
        if (LanguageTag.isTag(value)) {
            String tag = Locale.forLanguageTag(value.replace('_', '-')).toLanguageTag();
            return tag.equals("und") ? null : tag;
        }
        return LANGUAGE_BY_ENGLISH_NAME.get(value.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> languagesByEnglishName() {
        Map<String, String> byName = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            byName.putIfAbsent(Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        return Map.copyOf(byName);
    }
}

package org.wavelength.ingest.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Element;
import org.wavelength.core.domain.FeedContent;

/**
 * Reads the Podcasting 2.0 tags ({@code podcast:guid}, {@code locked}, {@code funding}, {@code person},
 * {@code podroll}, {@code transcript}, {@code chapters}, {@code season}, {@code episode}) from the elements ROME leaves
 * as foreign markup, since ROME has no module for that namespace.
 *
 * <p>Values are cleaned like the rest of the parser's: trimmed, blank as null, URLs resolved against
 * the feed's address.
 */
final class PodcastNamespace {

    static final String URI = "https://podcastindex.org/namespace/1.0";
    /** Early feeds declared the namespace with the address of its documentation; clients accept both. */
    private static final Set<String> URIS = Set.of(URI,
            "https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md");

    private PodcastNamespace() {
    }

    /** The Podcasting 2.0 elements among a channel's or an item's foreign markup, in document order. */
    static List<Element> elements(List<Element> foreignMarkup) {
        if (foreignMarkup == null) {
            return List.of();
        }
        return foreignMarkup.stream().filter(PodcastNamespace::isPodcastElement).toList();
    }

    private static boolean isPodcastElement(Element element) {
        return URIS.contains(element.getNamespaceURI().toLowerCase(Locale.ROOT));
    }

    /** podcast:guid, the show's identity that survives moves between hosts. */
    static String guid(List<Element> elements) {
        return text(first(elements, "guid"));
    }

    /** podcast:locked yes: the publisher forbids other platforms to import the show. */
    static boolean locked(List<Element> elements) {
        String value = text(first(elements, "locked"));
        return value != null && (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true"));
    }

    /** Every podcast:funding with a usable url; its text is the link's title. */
    static List<FeedContent.Link> funding(List<Element> elements, URI base) {
        List<FeedContent.Link> links = new ArrayList<>();
        for (Element funding : all(elements, "funding")) {
            String url = FeedValues.resolve(base, funding.getAttributeValue("url"));
            if (url != null) {
                links.add(new FeedContent.Link(url, text(funding)));
            }
        }
        return links;
    }

    /**
     * Every podcast:person with a name. Role and group default to "host" and "cast" and are
     * lower-cased, as the namespace specifies (its taxonomy is case-insensitive).
     */
    static List<FeedContent.Person> persons(List<Element> elements, URI base) {
        List<FeedContent.Person> persons = new ArrayList<>();
        for (Element person : all(elements, "person")) {
            String name = text(person);
            if (name != null) {
                persons.add(new FeedContent.Person(name,
                        lowerCase(person.getAttributeValue("role"), "host"),
                        lowerCase(person.getAttributeValue("group"), "cast"),
                        FeedValues.resolve(base, person.getAttributeValue("img")),
                        FeedValues.resolve(base, person.getAttributeValue("href"))));
            }
        }
        return persons;
    }

    /**
     * The shows of the channel's podcast:podroll, in the publisher's order: each podcast:remoteItem with
     * a feedGuid (lower-cased, as guids compare) or a usable feedUrl; an item naming an episode
     * (itemGuid) is not a show, and is left out.
     */
    static List<FeedContent.RemoteItem> podroll(List<Element> elements, URI base) {
        Element podroll = first(elements, "podroll");
        List<FeedContent.RemoteItem> items = new ArrayList<>();
        if (podroll == null) {
            return items;
        }
        for (Element item : podroll.getChildren()) {
            if (!isPodcastElement(item) || !item.getName().equals("remoteItem") || clean(item.getAttributeValue("itemGuid")) != null) {
                continue;
            }
            String guid = clean(item.getAttributeValue("feedGuid"));
            String url = FeedValues.absolute(base, item.getAttributeValue("feedUrl"));
            if (guid != null || url != null) {
                items.add(new FeedContent.RemoteItem(guid == null ? null : guid.toLowerCase(Locale.ROOT), url));
            }
        }
        return items;
    }

    /** Every podcast:transcript with a usable url, in the publisher's order. */
    static List<FeedContent.TranscriptLink> transcripts(List<Element> elements, URI base) {
        List<FeedContent.TranscriptLink> transcripts = new ArrayList<>();
        for (Element transcript : all(elements, "transcript")) {
            String url = FeedValues.resolve(base, transcript.getAttributeValue("url"));
            if (url != null) {
                String language = clean(transcript.getAttributeValue("language"));
                String normalized = FeedValues.normalizeLanguage(language);
                transcripts.add(new FeedContent.TranscriptLink(url,
                        clean(transcript.getAttributeValue("type")),
                        normalized != null ? normalized : language,
                        clean(transcript.getAttributeValue("rel"))));
            }
        }
        return transcripts;
    }

    /** podcast:chapters: the address of the JSON chapters file. */
    static String chaptersUrl(List<Element> elements, URI base) {
        Element chapters = first(elements, "chapters");
        return chapters == null ? null : FeedValues.resolve(base, chapters.getAttributeValue("url"));
    }

    /** podcast:season as a positive whole number, else null. */
    static Integer season(List<Element> elements) {
        return FeedValues.positiveInteger(text(first(elements, "season")));
    }

    /** podcast:episode as a positive whole number, else null (it may be a decimal such as 1.5). */
    static Integer episode(List<Element> elements) {
        return FeedValues.positiveInteger(text(first(elements, "episode")));
    }

    // ---- helpers ----

    private static Element first(List<Element> elements, String name) {
        for (Element element : elements) {
            if (element.getName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> all(List<Element> elements, String name) {
        return elements.stream().filter(element -> element.getName().equals(name)).toList();
    }

    private static String text(Element element) {
        return element == null ? null : clean(element.getText());
    }

    private static String clean(String value) {
        return FeedValues.clean(value);
    }

    private static String lowerCase(String value, String absent) {
        String cleaned = clean(value);
        return cleaned == null ? absent : cleaned.toLowerCase(Locale.ROOT);
    }
}

package org.wavelength.ingest.parse;

import static org.wavelength.ingest.parse.FeedValues.alternateLink;
import static org.wavelength.ingest.parse.FeedValues.baseOf;
import static org.wavelength.ingest.parse.FeedValues.clean;
import static org.wavelength.ingest.parse.FeedValues.emptyToNull;
import static org.wavelength.ingest.parse.FeedValues.firstNonNull;
import static org.wavelength.ingest.parse.FeedValues.instant;
import static org.wavelength.ingest.parse.FeedValues.oneOf;
import static org.wavelength.ingest.parse.FeedValues.plainText;
import static org.wavelength.ingest.parse.FeedValues.positiveInteger;
import static org.wavelength.ingest.parse.FeedValues.resolve;
import static org.wavelength.ingest.parse.ItunesTags.explicitOrNull;
import static org.wavelength.ingest.parse.ItunesTags.itunesChild;
import static org.wavelength.ingest.parse.ItunesTags.itunesChildText;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.wavelength.core.domain.FeedContent;

/** Reads one episode (an RSS item or Atom entry) from ROME's entry and, when at hand, its raw XML element. */
final class EpisodeReader {

    private static final String CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/";

    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://.+");

    // An opening tag, as podcastparser tells HTML from plain text ("a < b" is not HTML).
    private static final Pattern HTML_TAG = Pattern.compile("<[a-z][a-z0-9]*(?:\\s.*?>|/?>)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private EpisodeReader() {
    }

    /**
     * Every episode worth keeping (one with a title or something to play), in the document's order.
     *
     * @param showBaseUri the base for relative URLs when an episode's own element is not at hand
     */
    static List<FeedContent.Item> readAll(FeedDocument parsed, URI documentUri, URI showBaseUri) {
        List<SyndEntry> entries = parsed.feed().getEntries();
        List<Element> itemElements = parsed.itemElements();
        // ROME reads items in document order, so the raw elements line up with the entries when the
        // counts agree; if they ever do not, we simply do without the raw values.
        boolean aligned = itemElements.size() == entries.size();

        List<FeedContent.Item> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Element element = aligned ? itemElements.get(i) : null;
            FeedContent.Item item = read(entries.get(i), element, element != null ? baseOf(element, documentUri) : showBaseUri);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static FeedContent.Item read(SyndEntry entry, Element element, URI baseUri) {
        EntryInformation itunes = entry.getModule(ITunes.URI) instanceof EntryInformation info ? info : null;
        String title = title(entry);
        String audioUrl = ItemMedia.audioUrl(entry, element, baseUri);
        if (title == null && audioUrl == null) {
            return null; // nothing to show or play
        }
        List<Element> podcast = PodcastNamespace.elements(entry.getForeignMarkup());
        String link = resolve(baseUri, itemLink(entry, element, baseUri));
        Instant publishedAt = instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
        String descriptionHtml = descriptionHtml(entry, element);
        return new FeedContent.Item(
                guid(entry, audioUrl, link, title, publishedAt),
                title,
                itemDescription(entry, element, itunes, descriptionHtml),
                descriptionHtml,
                audioUrl,
                ItemMedia.enclosures(entry, element, baseUri),
                publishedAt,
                durationSeconds(element, itunes),
                link,
                itemImageUrl(element, itunes, baseUri),
                itemExplicit(element, itunes),
                firstNonNull(positiveInteger(itunesItemText(element, "season", itunes != null ? itunes.getSeason() : null)),
                        PodcastNamespace.season(podcast)),
                firstNonNull(positiveInteger(itunesItemText(element, "episode", itunes != null ? itunes.getEpisode() : null)),
                        PodcastNamespace.episode(podcast)),
                oneOf(itunesItemText(element, "episodeType", itunes != null ? itunes.getEpisodeType() : null),
                        "full", "trailer", "bonus"),
                PodcastNamespace.transcripts(podcast, baseUri),
                PodcastNamespace.chaptersUrl(podcast, baseUri),
                PodcastNamespace.persons(podcast, baseUri));
    }

    private static String title(SyndEntry entry) {
        SyndContent title = entry.getTitleEx();
        if (title == null) {
            return null;
        }
        String type = title.getType() == null ? "" : title.getType().toLowerCase(Locale.ROOT);
        return type.contains("html") ? emptyToNull(HtmlText.toPlainText(title.getValue())) : clean(title.getValue());
    }

    /**
     * The richest HTML the item has: content:encoded (or an HTML Atom content), else the description
     * when it contains markup; null when the item has only plain text.
     */
    private static String descriptionHtml(SyndEntry entry, Element element) {
        String encoded = element != null ? childText(element, CONTENT_MODULE, "encoded") : null;
        if (hasReadableText(encoded)) {
            return encoded.strip();
        }
        for (SyndContent content : entry.getContents()) {
            String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
            if (type.contains("html") && hasReadableText(content.getValue())) {
                return content.getValue().strip();
            }
        }
        String description = entry.getDescription() != null ? entry.getDescription().getValue() : null;
        return description != null && hasMarkup(description) && hasReadableText(description) ? description.strip() : null;
    }

    /**
     * Plain text for lists and search: a description written as plain text, else itunes:summary or
     * media:description, else the text of {@link #descriptionHtml}, so that the plain and the HTML
     * version tell the same thing; itunes:subtitle (a one-liner) only as a last resort.
     */
    private static String itemDescription(SyndEntry entry, Element element, EntryInformation itunes, String descriptionHtml) {
        String description = entry.getDescription() != null ? entry.getDescription().getValue() : null;
        String contents = entry.getContents().isEmpty() ? null : entry.getContents().get(0).getValue();
        return plainText(
                description != null && !hasMarkup(description) ? description : null,
                itunes != null ? itunes.getSummary() : null,
                element != null ? ItemMedia.description(element) : null,
                descriptionHtml,
                contents,
                description,
                itunes != null ? itunes.getSubtitle() : null);
    }

    /** The episode's own artwork: itunes:image on the item, else a Media RSS thumbnail. */
    private static String itemImageUrl(Element element, EntryInformation itunes, URI baseUri) {
        if (element == null) {
            return itunes != null ? resolve(baseUri, itunes.getImageUri()) : null;
        }
        Element image = itunesChild(element, "image");
        String url = image != null ? resolve(baseUri, image.getAttributeValue("href")) : null;
        if (url != null) {
            return url;
        }
        return ItemMedia.thumbnailUrl(element, baseUri);
    }

    /** itunes:explicit on the item; null when absent or not one of the known values. */
    private static Boolean itemExplicit(Element element, EntryInformation itunes) {
        if (element == null) {
            return itunes != null ? itunes.getExplicitNullable() : null;
        }
        return explicitOrNull(itunesChildText(element, "explicit"));
    }

    /** The raw text of an iTunes tag on the item, or ROME's value when the raw item is not at hand. */
    private static String itunesItemText(Element element, String name, Object fromRome) {
        if (element != null) {
            return itunesChildText(element, name);
        }
        return fromRome == null ? null : fromRome.toString();
    }

    /**
     * The RSS link, not ROME's substitute: ROME copies any permalink guid into the link, and since
     * isPermaLink defaults to true that turns guids like "abc-123" into links. A guid counts as the
     * link when it is an absolute web address, or when the publisher says isPermaLink="true"
     * explicitly and it resolves to one.
     */
    private static String itemLink(SyndEntry entry, Element element, URI baseUri) {
        if (entry.getWireEntry() instanceof Item item) {
            if (clean(item.getLink()) != null) {
                return item.getLink();
            }
            Guid guid = item.getGuid();
            String value = guid != null && guid.isPermaLink() ? clean(guid.getValue()) : null;
            if (value == null) {
                return null;
            }
            if (WEB_ADDRESS.matcher(value).matches()) {
                return value;
            }
            Element guidElement = element != null ? element.getChild("guid", element.getNamespace()) : null;
            if (guidElement != null && "true".equalsIgnoreCase(clean(guidElement.getAttributeValue("isPermaLink")))) {
                String resolved = resolve(baseUri, value);
                return resolved != null && WEB_ADDRESS.matcher(resolved).matches() ? resolved : null;
            }
            return null;
        }
        return alternateLink(entry.getLinks(), entry.getLink());
    }

    /**
     * The guid the publisher gave (RSS guid, Atom id), else the enclosure URL, the link, then the
     * title with the date: what identifies an episode across fetches, so it must never be blank.
     * The media URL comes before the link because many feeds give every item the show's home page
     * as its link, which would merge all episodes into one.
     */
    private static String guid(SyndEntry entry, String audioUrl, String link, String title, Instant publishedAt) {
        String published = null;
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            published = item.getGuid() != null ? clean(item.getGuid().getValue()) : null;
        } else if (wire instanceof Entry atomEntry) {
            published = clean(atomEntry.getId());
        } else {
            published = clean(entry.getUri());
        }
        if (published != null) {
            return published;
        }
        if (audioUrl != null) {
            return audioUrl;
        }
        if (link != null) {
            return link;
        }
        return publishedAt != null ? title + " " + publishedAt : title;
    }

    /** Our own reading of the raw itunes:duration, which accepts more shapes than ROME's. */
    private static Integer durationSeconds(Element item, EntryInformation itunes) {
        if (item != null) {
            String raw = itunesChildText(item, "duration");
            return raw != null ? ItunesDuration.toSeconds(raw) : null;
        }
        if (itunes != null && itunes.getDuration() != null) {
            return (int) Math.round(itunes.getDuration().getMilliseconds() / 1000.0);
        }
        return null;
    }

    /** The untrimmed text of the first child with this namespace and name, or null. */
    private static String childText(Element parent, String namespace, String name) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name) && child.getNamespaceURI().equals(namespace)) {
                return child.getText();
            }
        }
        return null;
    }

    /** Whether a description is HTML rather than plain text: it has an opening tag (podcastparser's test). */
    private static boolean hasMarkup(String text) {
        return text != null && HTML_TAG.matcher(text).find();
    }

    private static boolean hasReadableText(String html) {
        return html != null && !HtmlText.toPlainText(html).isEmpty();
    }
}

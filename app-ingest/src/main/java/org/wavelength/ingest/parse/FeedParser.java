package org.wavelength.ingest.parse;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Subcategory;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndImage;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.wavelength.core.domain.FeedContent;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads an RSS or Atom podcast feed into {@link FeedContent}.
 *
 * <p>ROME does the mapping; this class makes it as lenient as podcast clients (see {@link FeedText})
 * and as strict as a server that reads documents from strangers must be: no DOCTYPE, no DTD, no
 * external entities. Every failure is a {@link FeedParseException} whose message an admin can read.
 *
 * <p>Thread-safe: nothing is shared between calls.
 */
public class FeedParser {

    private static final Set<String> HTML_ELEMENTS = Set.of(
            "html", "head", "body", "meta", "title", "script", "style", "link", "div", "p", "br", "a",
            "table", "span", "iframe", "center", "font", "h1", "h2", "form", "img", "noscript");
    private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "feed");
    private static final Pattern NAME_IN_PARENTHESES = Pattern.compile("\\(([^()]+)\\)\\s*$");
    // Includes the no-break space that &nbsp; leaves in titles.
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u3000]+");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
    private static final Map<String, String> LANGUAGE_BY_ENGLISH_NAME = languagesByEnglishName();
    private static final String CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/";
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://.+");
    // An opening tag, as podcastparser tells HTML from plain text ("a < b" is not HTML).
    private static final Pattern HTML_TAG = Pattern.compile("<[a-z][a-z0-9]*(?:\\s.*?>|/?>)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** What ROME made of the document, with the raw XML next to it for what ROME loses. */
    private record Parsed(SyndFeed feed, Document document) {
    }

    /**
     * Parses one downloaded document.
     *
     * @param document the bytes as downloaded (any encoding; see {@link FeedText#decode})
     * @param baseUri  where the document came from (after redirects), to resolve relative URLs; may be null
     * @throws FeedParseException when the document is not a feed, is unsafe, or is not readable XML
     */
    public FeedContent parse(byte[] document, URI baseUri) {
        Parsed parsed = parseDocument(document);
        try {
            return toFeedContent(parsed, baseUri);
        } catch (RuntimeException e) {
            // Callers show our message to an admin; an odd feed must not surface as a raw stack trace.
            throw new FeedParseException("The feed could not be read because of an unexpected problem with its content ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    private Parsed parseDocument(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new FeedParseException("The feed is empty: the server sent a document without any content.");
        }
        String text = FeedText.stripLeadingWhitespace(FeedText.decode(bytes));
        if (text.isEmpty()) {
            throw new FeedParseException("The feed is empty: the server sent a document that contains only blank space.");
        }
        FeedText.Prolog prolog = FeedText.scanProlog(text);
        refuseWhatIsNotAFeed(text, prolog);

        text = FeedText.declareMissingNamespaces(text, prolog);
        text = FeedText.addMissingRssVersion(text, prolog);
        text = FeedText.repairReferences(text);
        text = FeedText.removeInvalidXmlCharacters(text);

        Document document = buildSecurely(text);
        refuseRssWithoutChannel(document);
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.US);
            // We hand ROME a parsed document, but keep its own guard on in case that ever changes.
            input.setAllowDoctypes(false);
            // Keeps the RSS/Atom objects, to tell a real <guid> from ROME's link fallback.
            input.setPreserveWireFeed(true);
            return new Parsed(input.build(document), document);
        } catch (IllegalArgumentException | FeedException e) {
            throw new FeedParseException("This document is not an RSS or Atom feed that can be read: "
                    + "its <" + prolog.rootName() + "> element is not in a supported RSS or Atom format.", e);
        } catch (RuntimeException e) {
            // ROME trusts the structure of what it recognises and can fail on odd documents.
            throw new FeedParseException("The feed could not be read: its structure is not valid RSS or Atom ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    /** ROME fails with a NullPointerException on {@code <rss>} without {@code <channel>}; say what it means. */
    private static void refuseRssWithoutChannel(Document document) {
        Element root = document.getRootElement();
        if (!root.getName().equals("rss") || channelElement(document) != null) {
            return;
        }
        Element redirect = root.getChild("redirect", root.getNamespace());
        String newLocation = redirect != null ? redirect.getChildTextTrim("newLocation", root.getNamespace()) : null;
        if (newLocation != null && !newLocation.isEmpty()) {
            throw new FeedParseException("This feed has moved: the publisher left a note that it is now at "
                    + newLocation + ". Update the feed address.");
        }
        throw new FeedParseException("This RSS document has no <channel> element, so it contains no podcast.");
    }

    /** Fails fast, before any XML parsing, on what is unsafe or obviously not a feed. */
    private static void refuseWhatIsNotAFeed(String text, FeedText.Prolog prolog) {
        char first = text.charAt(0);
        if (first == '{' || first == '[') {
            throw new FeedParseException(
                    "This document is not an RSS or Atom feed: it looks like JSON data (JSON Feed is not supported).");
        }
        if (prolog.hasDoctype()) {
            if (prolog.doctypeName().equalsIgnoreCase("html")) {
                throw notAFeedButHtml();
            }
            throw new FeedParseException("The feed contains a DOCTYPE declaration, which is not allowed for "
                    + "security reasons (it can be used to read server files or exhaust memory). "
                    + "Ask the publisher to remove the DOCTYPE line from the feed.");
        }
        String root = prolog.rootLocalName();
        if (root == null) {
            throw new FeedParseException("This document is not an RSS or Atom feed: it is not XML at all "
                    + "(it starts with \"" + snippet(text) + "\").");
        }
        if (HTML_ELEMENTS.contains(root)) {
            throw notAFeedButHtml();
        }
        if (root.equals("opml")) {
            throw new FeedParseException("This document is an OPML subscription list, not a feed: "
                    + "import it as an OPML file instead.");
        }
        if (!FEED_ROOTS.contains(root)) {
            throw new FeedParseException("This document is XML but not an RSS or Atom feed: "
                    + "its top-level element is <" + prolog.rootName() + ">.");
        }
    }

    private static FeedParseException notAFeedButHtml() {
        return new FeedParseException("This document is not an RSS or Atom feed: it looks like an HTML page. "
                + "Check that the address points to the feed itself, not to the podcast's web site.");
    }

    private static String snippet(String text) {
        String start = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return start.replaceAll("[\\p{Cntrl}\\s]+", " ").replace("\uFFFD", "?");
    }

    /** JDOM over the JDK's parser with DOCTYPEs refused outright and every external fetch disabled. */
    private static Document buildSecurely(String text) {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("External entities are not allowed: " + systemId);
        });
        try {
            return builder.build(new InputSource(new StringReader(text)));
        } catch (JDOMParseException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            if (reason != null && reason.contains("DOCTYPE")) {
                throw new FeedParseException("The feed contains a DOCTYPE declaration, which is not allowed "
                        + "for security reasons. Ask the publisher to remove the DOCTYPE line from the feed.", e);
            }
            throw new FeedParseException("The feed is not well-formed XML: on line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + reason, e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("The feed could not be read as XML: " + e.getMessage(), e);
        }
    }

    private FeedContent toFeedContent(Parsed parsed, URI documentUri) {
        SyndFeed feed = parsed.feed();
        FeedInformation itunes = feed.getModule(ITunes.URI) instanceof FeedInformation info ? info : null;
        Element channel = channelElement(parsed.document());
        URI baseUri = channel != null ? baseOf(channel, documentUri) : documentUri;

        List<SyndEntry> entries = feed.getEntries();
        List<Element> itemElements = itemElements(parsed.document(), channel);
        // ROME reads items in document order, so the raw elements line up with the entries when the
        // counts agree; if they ever do not, we simply do without the raw values.
        boolean aligned = itemElements.size() == entries.size();

        List<FeedContent.Item> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Element element = aligned ? itemElements.get(i) : null;
            FeedContent.Item item = toItem(entries.get(i), element, element != null ? baseOf(element, documentUri) : baseUri);
            if (item != null) {
                items.add(item);
            }
        }
        return new FeedContent(
                clean(feed.getTitle()),
                author(feed, itunes),
                // RSS <description> is what Apple's spec now names the show's description; itunes:summary is legacy.
                plainText(feed.getDescription(),
                        itunes != null ? itunes.getSummary() : null,
                        itunes != null ? itunes.getSubtitle() : null),
                normalizeLanguage(feed.getLanguage() != null ? feed.getLanguage()
                        : channel != null ? channel.getAttributeValue("lang", Namespace.XML_NAMESPACE) : null),
                categories(channel, itunes, feed),
                imageUrl(feed, itunes, baseUri),
                resolve(baseUri, alternateLink(feed.getLinks(), feed.getLink())),
                explicit(channel, itunes),
                show(feed, itunes, channel, baseUri),
                items);
    }

    private FeedContent.Item toItem(SyndEntry entry, Element element, URI baseUri) {
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

    /** The channel's owner, type, block and move, and its Podcasting 2.0 tags. */
    private static FeedContent.Show show(SyndFeed feed, FeedInformation itunes, Element channel, URI baseUri) {
        List<Element> podcast = PodcastNamespace.elements(feed.getForeignMarkup());
        String type = channel != null ? itunesChildText(channel, "type") : itunes != null ? itunes.getType() : null;
        String block = channel != null ? itunesChildText(channel, "block") : null;
        String newFeedUrl = channel != null ? itunesChildText(channel, "new-feed-url") : null;
        return new FeedContent.Show(
                clean(itunes != null ? itunes.getOwnerName() : null),
                clean(itunes != null ? itunes.getOwnerEmailAddress() : null),
                oneOf(type, "episodic", "serial"),
                block != null ? block.equalsIgnoreCase("yes") : itunes != null && itunes.getBlock(),
                resolve(baseUri, newFeedUrl != null ? newFeedUrl : itunes != null ? itunes.getNewFeedUrl() : null),
                PodcastNamespace.guid(podcast),
                PodcastNamespace.locked(podcast),
                PodcastNamespace.funding(podcast, baseUri),
                PodcastNamespace.persons(podcast, baseUri));
    }

    // ---- feed fields ----

    /**
     * itunes:author first (what podcast directories show), then the name in managingEditor
     * ("mail@example.com (Jane Doe)"), then dc:creator / Atom author, then a bare managingEditor
     * address as a last resort.
     */
    private static String author(SyndFeed feed, FeedInformation itunes) {
        String itunesAuthor = clean(itunes != null ? itunes.getAuthor() : null);
        if (itunesAuthor != null) {
            return itunesAuthor;
        }
        String editor = clean(feed.getManagingEditor());
        if (editor != null) {
            Matcher name = NAME_IN_PARENTHESES.matcher(editor);
            if (name.find() && clean(name.group(1)) != null) {
                return clean(name.group(1));
            }
            if (!editor.contains("@")) {
                return editor;
            }
        }
        String creator = clean(feed.getAuthor());
        if (creator != null) {
            return creator;
        }
        for (SyndPerson person : feed.getAuthors()) {
            if (clean(person.getName()) != null) {
                return clean(person.getName());
            }
        }
        // Not itunes:owner: Apple does not display it, as it is often the hosting company; it is in Show.ownerName.
        return editor;
    }

    /**
     * iTunes categories flattened to distinct names: all top-level categories first (the show's main
     * genres), then their subcategories at any depth. RSS {@code <category>} only when there are no iTunes ones.
     */
    private static List<String> categories(Element channel, FeedInformation itunes, SyndFeed feed) {
        Set<String> topLevel = new LinkedHashSet<>();
        Set<String> subcategories = new LinkedHashSet<>();
        if (channel != null) {
            // Read from the XML: ROME keeps only one level of subcategories.
            for (Element category : itunesChildren(channel, "category")) {
                addIfPresent(topLevel, category.getAttributeValue("text"));
                addSubcategories(category, subcategories);
            }
        } else if (itunes != null) {
            for (Category category : itunes.getCategories()) {
                addIfPresent(topLevel, category.getName());
                for (Subcategory subcategory : category.getSubcategories()) {
                    addIfPresent(subcategories, subcategory.getName());
                }
            }
        }
        Set<String> names = new LinkedHashSet<>(topLevel);
        names.addAll(subcategories);
        if (names.isEmpty()) {
            for (SyndCategory category : feed.getCategories()) {
                addIfPresent(names, category.getName());
            }
        }
        return List.copyOf(names);
    }

    private static void addSubcategories(Element category, Set<String> names) {
        for (Element subcategory : itunesChildren(category, "category")) {
            addIfPresent(names, subcategory.getAttributeValue("text"));
            addSubcategories(subcategory, names);
        }
    }

    private static void addIfPresent(Set<String> names, String name) {
        String cleaned = clean(name);
        if (cleaned != null) {
            names.add(cleaned);
        }
    }

    /** itunes:image, then the RSS image or Atom logo, then the Atom icon. */
    private static String imageUrl(SyndFeed feed, FeedInformation itunes, URI baseUri) {
        if (itunes != null) {
            String href = itunes.getImageUri() != null ? itunes.getImageUri()
                    : itunes.getImage() != null ? itunes.getImage().toString() : null;
            String resolved = resolve(baseUri, href);
            if (resolved != null) {
                return resolved;
            }
        }
        SyndImage image = feed.getImage();
        String url = image != null ? resolve(baseUri, image.getUrl()) : null;
        if (url == null && feed.getIcon() != null) {
            url = resolve(baseUri, feed.getIcon().getUrl());
        }
        return url;
    }

    /** itunes:explicit as written ("yes", "true", "explicit"), ROME's reading when we cannot see it. */
    private static boolean explicit(Element channel, FeedInformation itunes) {
        String raw = channel != null ? itunesChildText(channel, "explicit") : null;
        if (raw != null) {
            return isExplicit(raw);
        }
        return itunes != null && Boolean.TRUE.equals(itunes.getExplicitNullable());
    }

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
        if (LANGUAGE_TAG.matcher(value).matches()) {
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

    // ---- item fields ----

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
     * The web page of an Atom feed or entry: ROME may pick the first link, which can be rel="self"
     * (the feed itself), so prefer the alternate one. RSS has a single link and no rel.
     */
    private static String alternateLink(List<SyndLink> links, String fallback) {
        for (SyndLink link : links) {
            String rel = link.getRel();
            if ((rel == null || rel.isBlank() || rel.equals("alternate")) && clean(link.getHref()) != null) {
                return link.getHref();
            }
        }
        return fallback;
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

    // ---- raw XML ----

    /** The element that holds the show's fields: RSS {@code <channel>}, or the Atom {@code <feed>}. */
    private static Element channelElement(Document document) {
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
    private static List<Element> itemElements(Document document, Element channel) {
        Element root = document.getRootElement();
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

    /** Text of a child in the iTunes namespace (also its old capitalised spelling), or null. */
    private static String itunesChildText(Element parent, String name) {
        Element child = itunesChild(parent, name);
        return child != null ? child.getTextTrim() : null;
    }

    private static Element itunesChild(Element parent, String name) {
        List<Element> children = itunesChildren(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static List<Element> itunesChildren(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name) && child.getNamespaceURI().equalsIgnoreCase(ITunes.URI)) {
                found.add(child);
            }
        }
        return found;
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

    // ---- text helpers ----

    /** The first candidate that has readable text, as plain text; null when none has. */
    private static String plainText(String... candidates) {
        for (String candidate : candidates) {
            String text = emptyToNull(HtmlText.toPlainText(candidate));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** Whether a description is HTML rather than plain text: it has an opening tag (podcastparser's test). */
    static boolean hasMarkup(String text) {
        return text != null && HTML_TAG.matcher(text).find();
    }

    private static boolean hasReadableText(String html) {
        return html != null && !HtmlText.toPlainText(html).isEmpty();
    }

    /** Trims, collapses runs of whitespace to one space, and maps blank to null. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        return emptyToNull(WHITESPACE.matcher(value).replaceAll(" ").strip());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The value lower-cased when it is one of the allowed ones (given in lower case), else null. */
    private static String oneOf(String value, String... allowed) {
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

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * Resolves a URL from the feed against where the feed came from. A URL that is not valid as
     * written is kept when it is absolute (clients will still try it) and dropped when relative.
     */
    static String resolve(URI baseUri, String reference) {
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
            return value.matches("(?i)[a-z][a-z0-9+.-]*:.*") ? value : null;
        }
    }
}

package org.wavelength.ingest.parse;

import static org.wavelength.ingest.parse.FeedValues.alternateLink;
import static org.wavelength.ingest.parse.FeedValues.baseOf;
import static org.wavelength.ingest.parse.FeedValues.clean;
import static org.wavelength.ingest.parse.FeedValues.normalizeLanguage;
import static org.wavelength.ingest.parse.FeedValues.oneOf;
import static org.wavelength.ingest.parse.FeedValues.plainText;
import static org.wavelength.ingest.parse.FeedValues.resolve;
import static org.wavelength.ingest.parse.ItunesTags.isExplicit;
import static org.wavelength.ingest.parse.ItunesTags.itunesChildText;
import static org.wavelength.ingest.parse.ItunesTags.itunesChildren;

import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Subcategory;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndImage;
import com.rometools.rome.feed.synd.SyndPerson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.wavelength.core.domain.FeedContent;

/** Reads the show (the RSS channel or Atom feed) of a {@link FeedDocument}, its episodes through {@link EpisodeReader}. */
final class ShowReader {

    private static final Pattern NAME_IN_PARENTHESES = Pattern.compile("\\(([^()]+)\\)\\s*$");

    private ShowReader() {
    }

    /** The show with its episodes; {@code documentUri} is where the document came from, for relative URLs. */
    static FeedContent read(FeedDocument parsed, URI documentUri) {
        SyndFeed feed = parsed.feed();
        FeedInformation itunes = feed.getModule(ITunes.URI) instanceof FeedInformation info ? info : null;
        Element channel = parsed.channel();
        URI baseUri = channel != null ? baseOf(channel, documentUri) : documentUri;
        List<FeedContent.Item> items = EpisodeReader.readAll(parsed, documentUri, baseUri);
        Categories categories = categories(channel, itunes, feed);
        return new FeedContent(
                clean(feed.getTitle()),
                author(feed, itunes),
                // RSS <description> is what Apple's spec now names the show's description; itunes:summary is legacy.
                plainText(feed.getDescription(),
                        itunes != null ? itunes.getSummary() : null,
                        itunes != null ? itunes.getSubtitle() : null),
                normalizeLanguage(feed.getLanguage() != null ? feed.getLanguage()
                        : channel != null ? channel.getAttributeValue("lang", Namespace.XML_NAMESPACE) : null),
                categories.names(),
                imageUrl(feed, itunes, baseUri),
                resolve(baseUri, alternateLink(feed.getLinks(), feed.getLink())),
                explicit(channel, itunes),
                show(feed, itunes, channel, baseUri, categories.parents()),
                items);
    }

    /** The channel's owner, type, block and move, and its Podcasting 2.0 tags. */
    private static FeedContent.Show show(SyndFeed feed, FeedInformation itunes, Element channel, URI baseUri,
            Map<String, String> categoryParents) {
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
                PodcastNamespace.persons(podcast, baseUri),
                categoryParents,
                PodcastNamespace.podroll(podcast, baseUri));
    }

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

    /** The show's categories as distinct names, and the parent of each subcategory. */
    private record Categories(List<String> names, Map<String, String> parents) {
    }

    /**
     * iTunes categories flattened to distinct names: all top-level categories first (the show's main
     * genres), then their subcategories at any depth, each with the category it is nested in (a name
     * that is also a top-level category of the show keeps none). RSS {@code <category>} only when
     * there are no iTunes ones.
     */
    private static Categories categories(Element channel, FeedInformation itunes, SyndFeed feed) {
        Set<String> topLevel = new LinkedHashSet<>();
        Set<String> subcategories = new LinkedHashSet<>();
        Map<String, String> parents = new LinkedHashMap<>();
        if (channel != null) {
            // Read from the XML: ROME keeps only one level of subcategories.
            for (Element category : itunesChildren(channel, "category")) {
                String name = clean(category.getAttributeValue("text"));
                addIfPresent(topLevel, name);
                addSubcategories(category, name, subcategories, parents);
            }
        } else if (itunes != null) {
            for (Category category : itunes.getCategories()) {
                String name = clean(category.getName());
                addIfPresent(topLevel, name);
                for (Subcategory subcategory : category.getSubcategories()) {
                    addSubcategory(clean(subcategory.getName()), name, subcategories, parents);
                }
            }
        }
        parents.keySet().removeAll(topLevel);
        Set<String> names = new LinkedHashSet<>(topLevel);
        names.addAll(subcategories);
        if (names.isEmpty()) {
            for (SyndCategory category : feed.getCategories()) {
                addIfPresent(names, clean(category.getName()));
            }
        }
        return new Categories(List.copyOf(names), parents);
    }

    /** @param parent the name of the category they are in; null when it has none */
    private static void addSubcategories(Element category, String parent, Set<String> subcategories,
            Map<String, String> parents) {
        for (Element subcategory : itunesChildren(category, "category")) {
            String name = clean(subcategory.getAttributeValue("text"));
            addSubcategory(name, parent, subcategories, parents);
            // A nameless level passes its parent on to the categories inside it.
            addSubcategories(subcategory, name != null ? name : parent, subcategories, parents);
        }
    }

    /** The first parent a feed gives a name is its parent. */
    private static void addSubcategory(String name, String parent, Set<String> subcategories, Map<String, String> parents) {
        if (name != null) {
            subcategories.add(name);
            if (parent != null) {
                parents.putIfAbsent(name, parent);
            }
        }
    }

    private static void addIfPresent(Set<String> names, String cleaned) {
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
}

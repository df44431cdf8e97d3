package org.wavelength.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one fetch of a feed said: the show and its episodes, before they get catalogue ids. Text
 * fields named {@code description} are plain text (for display in lists and for embedding);
 * {@code descriptionHtml} keeps the publisher's HTML, which is sanitised before it is shown.
 */
public record FeedContent(
        String title,
        String author,
        String description,
        String language,
        List<String> categories,
        String imageUrl,
        String link,
        boolean explicit,
        Show show,
        List<Item> items) {

    public FeedContent {
        categories = categories == null ? List.of() : List.copyOf(categories);
        show = show == null ? Show.NONE : show;
        items = items == null ? List.of() : List.copyOf(items);
    }

    public FeedContent withLanguage(String value) {
        return new FeedContent(title, author, description, value, categories, imageUrl, link, explicit, show, items);
    }

    /** The rest of the channel's iTunes and Podcasting 2.0 tags. */
    public record Show(
            String ownerName,
            String ownerEmail,
            /** itunes:type: "episodic" or "serial" (null when absent or unknown). */
            String type,
            /** itunes:block yes: the publisher asks directories not to list the show. */
            boolean blocked,
            /** itunes:new-feed-url: the feed moved; the stored URL follows it. */
            String newFeedUrl,
            /** podcast:guid, the show's global identity. */
            String podcastGuid,
            /** podcast:locked yes: the publisher forbids importing the feed elsewhere. */
            boolean locked,
            List<Link> funding,
            List<Person> persons,
            /** The nesting of itunes:category: each subcategory's parent, by name (top-level categories have none). */
            Map<String, String> categoryParents,
            /** podcast:podroll: the shows the makers recommend, in their order. */
            List<RemoteItem> podroll) {

        public static final Show NONE = new Show(null, null, null, false, null, null, false, List.of(), List.of(), Map.of(),
                List.of());

        public Show {
            funding = funding == null ? List.of() : List.copyOf(funding);
            persons = persons == null ? List.of() : List.copyOf(persons);
            categoryParents = categoryParents == null ? Map.of() : Map.copyOf(categoryParents);
            podroll = podroll == null ? List.of() : List.copyOf(podroll);
        }
    }

    /** One episode of the feed; {@code guid} is never blank (see the parser's fallbacks). */
    public record Item(
            String guid,
            String title,
            String description,
            String descriptionHtml,
            String audioUrl,
            List<Enclosure> enclosures,
            Instant publishedAt,
            Integer durationSeconds,
            String link,
            String imageUrl,
            Boolean explicit,
            Integer season,
            Integer episodeNumber,
            /** itunes:episodeType: "full", "trailer" or "bonus" (null when absent or unknown). */
            String episodeType,
            List<TranscriptLink> transcripts,
            /** podcast:chapters JSON URL. */
            String chaptersUrl,
            List<Person> persons) {

        public Item {
            enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
            transcripts = transcripts == null ? List.of() : List.copyOf(transcripts);
            persons = persons == null ? List.of() : List.copyOf(persons);
        }

        /** The fields every feed has; the rest empty. */
        public static Item basic(String guid, String title, String description, String audioUrl, Instant publishedAt,
                Integer durationSeconds, String link) {
            return new Item(guid, title, description, null, audioUrl, List.of(), publishedAt, durationSeconds, link,
                    null, null, null, null, null, List.of(), null, List.of());
        }
    }

    public record Enclosure(String url, String type, Long length) {
    }

    /** podcast:transcript: where a transcript is, in which format (MIME type) and language. */
    public record TranscriptLink(String url, String type, String language, String rel) {
    }

    /** podcast:person: a host, guest or other credit. */
    public record Person(String name, String role, String group, String imageUrl, String href) {
    }

    public record Link(String url, String title) {
    }

    /**
     * podcast:remoteItem: another show, by its podcast:guid (lower case) and, when given, its feed's address.
     *
     * @param feedGuid null when the feed gave only an address
     */
    public record RemoteItem(String feedGuid, String feedUrl) {
    }
}

package org.wavelength.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.FeedContent.Enclosure;
import org.wavelength.core.domain.FeedContent.Item;

/**
 * Conformance with gpodder's podcastparser: its 70 edge-case feeds ({@code feeds/conformance/*.rss}
 * in the shared corpus), each with podcastparser's expected parse in a {@code *.json}.
 *
 * <p>Every field our model shares with podcastparser is compared, for the channel and every episode,
 * including the fields the JSON leaves out (podcastparser writes a key only when it found a value, so
 * a missing key means "none"): title, description, link, language, cover_url, itunes_author,
 * itunes_categories, explicit, type, new_url, itunes_owner (name, email), funding_url,
 * import_prohibited and the number of episodes; per episode title, description, description_html,
 * guid, link, published, total_time, enclosures (url, mime_type, file_size), episode_art_url,
 * explicit, type, number, season, transcript_url, chapters_json_url and persons.
 *
 * <p>Not compared, because we do not model them: payment_url, paged_feed_first, paged_feed_next,
 * generator, itunes_keywords, the episode's subtitle, itunes_author and Podlove (psc) chapters, and
 * the order of episodes (podcastparser sorts them by date; we keep the feed's order, so episodes are
 * paired by guid, enclosure or title). The {@code max_episodes} parameter of one file
 * ({@code *.param.json}) is applied to our result the way podcastparser applies it. Our fields that
 * podcastparser does not have (audioUrl, the show's blocked, podcastGuid, persons and funding titles,
 * transcript type/language/rel) are covered by the unit tests.
 *
 * <p>Only differences of representation are normalised away: null versus "" / 0 / -1 /
 * "application/octet-stream" (podcastparser's "unknown"), whitespace in plain text (podcastparser keeps
 * line breaks, we collapse them), the case of language tags, and podcastparser's nested category lists
 * (flattened the way we flatten iTunes categories). Where we differ on purpose, the case is named in
 * {@link #DELIBERATE_DIFFERENCES}: those count as compared and not matched, and are listed apart from
 * the disagreements.
 */
class FeedConformanceTest {

    /** Agreement the suite must keep (matched fields over compared fields). */
    private static final double REQUIRED_AGREEMENT = 95.0;

    /** Where we differ from podcastparser on purpose: the case, and why we do it our way. */
    static final Map<String, String> DELIBERATE_DIFFERENCES = deliberateDifferences();

    private static Map<String, String> deliberateDifferences() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("untitled-feed", "podcastparser names a feed without <title> after the file name in its URL"
                + " (\"empty\" for .../empty.rss); we leave the title null and the catalogue shows \"Untitled podcast\":"
                + " the last segment of a feed URL (\"feed\", \"rss\") is not a title worth indexing.");
        cases.put("untitled-episode", "podcastparser titles an episode without <title> after its enclosure's file name;"
                + " we leave it null and the catalogue shows \"Untitled episode\".");
        cases.put("guid-kept-verbatim", "podcastparser resolves every guid with isPermaLink (true by default) against"
                + " the feed URL (\"a\" becomes file://tests/data/a); we keep the guid exactly as written, because it is"
                + " the episode's identity and must not change when the feed moves or is fetched from another address.");
        cases.put("guid-fallback-order", "without a guid podcastparser identifies an episode by its link, then its"
                + " enclosure; we take the enclosure URL first, because many feeds give every item the show's home page"
                + " as its link, which would merge all their episodes into one.");
        cases.put("opaque-guid-not-a-link", "podcastparser makes any guid that is a permalink by default into the"
                + " episode's link (\"a\", \"episode::x\"); we use a guid as link only when it is an absolute web address"
                + " or the publisher wrote isPermaLink=\"true\".");
        cases.put("episode-kept", "podcastparser drops an item without a title unless it has exactly one enclosure,"
                + " and one with neither guid, link nor a single enclosure (gPodder downloads media); we keep every item"
                + " that has a title or media, since a discovery catalogue lists and searches show notes too.");
        cases.put("atom-summary", "podcastparser does not read atom:summary; we take it as the entry's plain description,"
                + " as RFC 4287 defines it.");
        cases.put("atom-feed-fields", "podcastparser takes an Atom feed's <link> only with type=\"text/html\" and reads"
                + " no Atom <author>; we read the alternate link (whose type is optional) and the author, per RFC 4287.");
        cases.put("duplicate-enclosure", "podcastparser lists a file twice when <enclosure> and <media:content> both name"
                + " it; we list each URL once.");
        cases.put("redirect-document", "for an <rss> with only <redirect><newLocation>, podcastparser returns an empty"
                + " podcast with new_url; we refuse it with a message naming the new address, so that ingestion does not"
                + " replace the stored show with an empty one.");
        return Map.copyOf(cases);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedParser parser = new FeedParser();

    /** One field of one file where we and podcastparser disagree. */
    private record Difference(String file, String field, Object expected, Object actual) {

        @Override
        public String toString() {
            return file + ": " + field + ": expected " + show(expected) + " got " + show(actual);
        }

        private static String show(Object value) {
            return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
        }
    }

    /** The tally over all files. */
    private static final class Tally {
        int compared;
        int matched;
        final List<Difference> disagreements = new ArrayList<>();
        final Map<String, List<Difference>> deliberate = new LinkedHashMap<>();
    }

    /** What a comparison in one file needs to know to tell a deliberate difference from a disagreement. */
    private record Context(String file, String rss, URI base, Tally tally) {

        boolean isAtom() {
            return rss.contains("<feed");
        }

        void compare(String field, Object expected, Object actual) {
            compare(field, expected, actual, difference -> null);
        }

        /** Compares one field; {@code deliberateCase} names the case of a difference we make on purpose, else null. */
        void compare(String field, Object expected, Object actual, Function<Difference, String> deliberateCase) {
            tally.compared++;
            if (Objects.equals(expected, actual)) {
                tally.matched++;
                return;
            }
            Difference difference = new Difference(file, field, expected, actual);
            String name = deliberateCase.apply(difference);
            if (name != null) {
                assertThat(DELIBERATE_DIFFERENCES).as("deliberate cases").containsKey(name);
                tally.deliberate.computeIfAbsent(name, c -> new ArrayList<>()).add(difference);
            } else {
                tally.disagreements.add(difference);
            }
        }

        /** An expected episode we do not have: every one of its fields is compared and none matches. */
        void missing(String field, JsonNode episode) {
            tally.compared += EPISODE_FIELDS;
            tally.disagreements.add(new Difference(file, field, "episode " + episode.path("title").asText(), null));
        }
    }

    @Test
    void agreesWithPodcastparserOnItsConformanceFeeds() throws IOException {
        Path folder = Corpus.folder("feeds/conformance");
        List<Path> feeds;
        try (Stream<Path> files = Files.list(folder)) {
            feeds = files.filter(file -> file.getFileName().toString().endsWith(".rss")).sorted().toList();
        }
        assertThat(feeds).as("conformance feeds").hasSizeGreaterThanOrEqualTo(70);

        Tally tally = new Tally();
        for (Path feed : feeds) {
            compareFile(feed, tally);
        }

        double agreement = 100.0 * tally.matched / tally.compared;
        System.out.printf(Locale.ROOT, "Conformance: %d/%d (%.1f%%)%n", tally.matched, tally.compared, agreement);
        tally.disagreements.forEach(System.out::println);
        int deliberateCount = tally.deliberate.values().stream().mapToInt(List::size).sum();
        System.out.printf(Locale.ROOT, "Deliberate differences (compared, not matched): %d; disagreements: %d%n",
                deliberateCount, tally.disagreements.size());
        DELIBERATE_DIFFERENCES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<Difference> cases = tally.deliberate.getOrDefault(entry.getKey(), List.of());
            System.out.printf("  %s (%d): %s%n", entry.getKey(), cases.size(), entry.getValue());
            cases.forEach(difference -> System.out.println("    " + difference));
        });

        assertThat(agreement).as("agreement with podcastparser in %%; disagreements: %s", tally.disagreements)
                .isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }

    private void compareFile(Path rssFile, Tally tally) throws IOException {
        String name = rssFile.getFileName().toString();
        String stem = name.substring(0, name.length() - ".rss".length());
        JsonNode expected = JSON.readTree(rssFile.resolveSibling(stem + ".json").toFile());
        Path paramFile = rssFile.resolveSibling(stem + ".param.json");
        int maxEpisodes = Files.exists(paramFile) ? JSON.readTree(paramFile.toFile()).path("max_episodes").asInt(0) : 0;
        // podcastparser's suite parses each file from file://tests/data/<name>; its JSON has the resolved URLs.
        URI base = URI.create("file://tests/data/" + name);
        byte[] bytes = Files.readAllBytes(rssFile);
        Context context = new Context(name, new String(bytes, StandardCharsets.UTF_8), base, tally);

        FeedContent actual;
        boolean refused = false;
        try {
            actual = parser.parse(bytes, base);
        } catch (FeedParseException e) {
            System.out.println(name + ": refused: " + e.getMessage());
            actual = new FeedContent(null, null, null, null, null, null, null, false, null, null);
            refused = true;
        }
        compareChannel(context, expected, actual, stem, refused);
        compareEpisodes(context, expected.path("episodes"), episodesAsPodcastparserLimits(actual, maxEpisodes));
    }

    // ---- channel ----

    private static void compareChannel(Context c, JsonNode expected, FeedContent actual, String stem, boolean refused) {
        FeedContent.Show show = actual.show();
        c.compare("title", text(expected, "title"), plain(actual.title()),
                d -> d.actual() == null && stem.equals(d.expected()) ? "untitled-feed" : null);
        c.compare("description", plain(text(expected, "description")), plain(actual.description()));
        c.compare("link", text(expected, "link"), emptyToNull(actual.link()),
                d -> c.isAtom() && d.expected() == null && c.rss().contains("<link href=\"" + d.actual() + "\"/>")
                        ? "atom-feed-fields" : null);
        c.compare("language", language(text(expected, "language")), language(actual.language()));
        c.compare("cover_url", text(expected, "cover_url"), emptyToNull(actual.imageUrl()));
        c.compare("itunes_author", text(expected, "itunes_author"), emptyToNull(actual.author()),
                d -> c.isAtom() && d.expected() == null && c.rss().contains("<name>" + d.actual() + "</name>")
                        ? "atom-feed-fields" : null);
        c.compare("itunes_categories", flattenCategories(expected.path("itunes_categories")), actual.categories());
        c.compare("explicit", expected.path("explicit").asBoolean(false), actual.explicit());
        c.compare("type", text(expected, "type"), show.type());
        c.compare("new_url", text(expected, "new_url"), show.newFeedUrl(),
                d -> refused && d.actual() == null ? "redirect-document" : null);
        c.compare("itunes_owner.name", text(expected.path("itunes_owner"), "name"), show.ownerName());
        c.compare("itunes_owner.email", text(expected.path("itunes_owner"), "email"), show.ownerEmail());
        // podcastparser keeps the last podcast:funding it meets.
        c.compare("funding_url", text(expected, "funding_url"),
                show.funding().isEmpty() ? null : show.funding().get(show.funding().size() - 1).url());
        c.compare("import_prohibited", expected.path("import_prohibited").asBoolean(false), show.locked());
    }

    /**
     * podcastparser gives [[top, sub, subsub], ...] with "" for a missing top level; we flatten iTunes
     * categories to distinct names, all top levels first, then the subcategories of every depth.
     */
    private static List<String> flattenCategories(JsonNode categories) {
        Set<String> topLevel = new LinkedHashSet<>();
        Set<String> subcategories = new LinkedHashSet<>();
        for (JsonNode path : categories) {
            for (int i = 0; i < path.size(); i++) {
                String name = emptyToNull(collapse(path.get(i).asText()));
                if (name != null) {
                    (i == 0 ? topLevel : subcategories).add(name);
                }
            }
        }
        Set<String> names = new LinkedHashSet<>(topLevel);
        names.addAll(subcategories);
        return List.copyOf(names);
    }

    // ---- episodes ----

    /** The fields compared per episode, in {@link #compareEpisode}. */
    private static final int EPISODE_FIELDS = 16;

    /** podcastparser sorts episodes by date (newest first, oldest first for serial shows) before it cuts the list. */
    private static List<Item> episodesAsPodcastparserLimits(FeedContent feed, int maxEpisodes) {
        if (maxEpisodes <= 0 || feed.items().size() <= maxEpisodes) {
            return feed.items();
        }
        Comparator<Item> byDate = Comparator.comparingLong(item -> item.publishedAt() == null ? 0 : item.publishedAt().getEpochSecond());
        List<Item> sorted = new ArrayList<>(feed.items());
        sorted.sort("serial".equals(feed.show().type()) ? byDate : byDate.reversed());
        return sorted.subList(0, maxEpisodes);
    }

    private static void compareEpisodes(Context c, JsonNode expected, List<Item> actual) {
        List<Item> unpaired = new ArrayList<>(actual);
        Map<JsonNode, Item> pairs = new LinkedHashMap<>();
        // Paired by identity, not position: podcastparser reorders episodes by date.
        for (JsonNode episode : expected) {
            Item item = findPair(episode, unpaired);
            if (item != null) {
                unpaired.remove(item);
                pairs.put(episode, item);
            }
        }
        for (JsonNode episode : expected) {
            if (!pairs.containsKey(episode) && !unpaired.isEmpty()) {
                pairs.put(episode, unpaired.remove(0));
            }
        }
        long keptOnPurpose = unpaired.stream().filter(FeedConformanceTest::droppedByPodcastparser).count();
        c.compare("episodes.count", expected.size(), actual.size(),
                d -> actual.size() > expected.size() && keptOnPurpose == actual.size() - expected.size() ? "episode-kept" : null);

        int index = 0;
        for (JsonNode episode : expected) {
            String field = "episodes[" + index++ + "]";
            Item item = pairs.get(episode);
            if (item != null) {
                compareEpisode(c, field, episode, item);
            } else {
                c.missing(field, episode);
            }
        }
        for (Item extra : unpaired) {
            c.compare("episodes (extra)", null, extra.title() != null ? extra.title() : extra.guid(),
                    d -> droppedByPodcastparser(extra) ? "episode-kept" : null);
        }
    }

    /**
     * An episode podcastparser drops: no title and not exactly one enclosure, or neither guid, link nor
     * a single enclosure (we then fall back to the title as guid).
     */
    private static boolean droppedByPodcastparser(Item item) {
        boolean untitled = item.title() == null && item.enclosures().size() != 1;
        boolean unidentified = item.title() != null && item.link() == null && item.enclosures().size() != 1
                && (item.guid().equals(item.title()) || item.guid().startsWith(item.title() + " "));
        return untitled || unidentified;
    }

    private static Item findPair(JsonNode episode, List<Item> candidates) {
        String guid = text(episode, "guid");
        String enclosure = text(episode.path("enclosures").path(0), "url");
        String title = text(episode, "title");
        for (Item item : candidates) {
            if (guid != null && guid.equals(item.guid())) {
                return item;
            }
        }
        for (Item item : candidates) {
            if (enclosure != null && !item.enclosures().isEmpty() && enclosure.equals(item.enclosures().get(0).url())) {
                return item;
            }
        }
        for (Item item : candidates) {
            if (title != null && title.equals(item.title())) {
                return item;
            }
        }
        return null;
    }

    private static void compareEpisode(Context c, String field, JsonNode expected, Item actual) {
        String expectedGuid = text(expected, "guid");
        List<EnclosureView> expectedEnclosures = enclosures(expected.path("enclosures"));
        String firstEnclosure = expected.path("enclosures").path(0).path("url").asText("");

        c.compare(field + ".title", plain(text(expected, "title")), plain(actual.title()),
                d -> d.actual() == null && fileStem(firstEnclosure).equals(d.expected()) ? "untitled-episode" : null);
        c.compare(field + ".description", plain(text(expected, "description")), plain(actual.description()),
                d -> c.isAtom() && d.actual() != null && c.rss().contains("<summary>" + d.actual() + "</summary>")
                        ? "atom-summary" : null);
        c.compare(field + ".description_html", trimmed(text(expected, "description_html")), trimmed(actual.descriptionHtml()));
        c.compare(field + ".guid", expectedGuid, actual.guid(), d -> {
            if (resolvedAgainstTheFeed(c, actual.guid(), expectedGuid)) {
                return "guid-kept-verbatim";
            }
            boolean fromMedia = actual.guid().equals(actual.audioUrl());
            return fromMedia && Objects.equals(expectedGuid, text(expected, "link")) ? "guid-fallback-order" : null;
        });
        c.compare(field + ".link", text(expected, "link"), emptyToNull(actual.link()),
                d -> d.actual() == null && Objects.equals(d.expected(), expectedGuid) ? "opaque-guid-not-a-link" : null);
        c.compare(field + ".published", positive(expected.path("published").asLong(0)),
                actual.publishedAt() == null ? null : actual.publishedAt().getEpochSecond());
        c.compare(field + ".total_time", positive(expected.path("total_time").asLong(0)), positive(actual.durationSeconds()));
        c.compare(field + ".enclosures", expectedEnclosures, enclosures(actual.enclosures()),
                d -> expectedEnclosures.size() > ((List<?>) d.actual()).size()
                        && List.copyOf(new LinkedHashSet<>(expectedEnclosures)).equals(d.actual()) ? "duplicate-enclosure" : null);
        c.compare(field + ".episode_art_url", text(expected, "episode_art_url"), actual.imageUrl());
        c.compare(field + ".explicit", expected.has("explicit") ? expected.get("explicit").asBoolean() : null, actual.explicit());
        c.compare(field + ".type", text(expected, "type"), actual.episodeType());
        c.compare(field + ".number", positive(expected.path("number").asLong(0)), positive(actual.episodeNumber()));
        // podcastparser writes season 0 when itunes:season is not a number: that is its "none".
        c.compare(field + ".season", positive(expected.path("season").asLong(0)), positive(actual.season()));
        // podcastparser keeps the last podcast:transcript it meets (the corpus has one per episode).
        c.compare(field + ".transcript_url", text(expected, "transcript_url"),
                actual.transcripts().isEmpty() ? null : actual.transcripts().get(actual.transcripts().size() - 1).url());
        c.compare(field + ".chapters_json_url", text(expected, "chapters_json_url"), actual.chaptersUrl());
        c.compare(field + ".persons", persons(expected.path("persons")), persons(actual.persons()));
    }

    /** Whether podcastparser's guid is ours resolved against the feed's address (or an xml:base in it). */
    private static boolean resolvedAgainstTheFeed(Context c, String ours, String theirs) {
        if (ours == null || theirs == null || ours.equals(theirs)) {
            return false;
        }
        List<URI> bases = new ArrayList<>(List.of(c.base()));
        Matcher xmlBase = XML_BASE.matcher(c.rss());
        while (xmlBase.find()) {
            bases.add(URI.create(xmlBase.group(1)));
        }
        return bases.stream().anyMatch(base -> theirs.equals(base.resolve(ours).toString()));
    }

    private static final Pattern XML_BASE = Pattern.compile("xml:base=\"([^\"]+)\"");

    /** An enclosure as both sides can say it: -1, 0 and "application/octet-stream" are podcastparser's "unknown". */
    private record EnclosureView(String url, String type, Long length) {
    }

    private static List<EnclosureView> enclosures(JsonNode enclosures) {
        List<EnclosureView> list = new ArrayList<>();
        for (JsonNode enclosure : enclosures) {
            list.add(new EnclosureView(text(enclosure, "url"), mimeType(text(enclosure, "mime_type")),
                    positive(enclosure.path("file_size").asLong(-1))));
        }
        return list;
    }

    private static List<EnclosureView> enclosures(List<Enclosure> enclosures) {
        return enclosures.stream()
                .map(enclosure -> new EnclosureView(enclosure.url(), mimeType(enclosure.type()),
                        enclosure.length() == null ? null : positive(enclosure.length())))
                .toList();
    }

    private static String mimeType(String type) {
        return type == null || type.equals("application/octet-stream") ? null : type;
    }

    private record PersonView(String name, String role, String group, String img, String href) {
    }

    private static List<PersonView> persons(JsonNode persons) {
        List<PersonView> list = new ArrayList<>();
        for (JsonNode person : persons) {
            list.add(new PersonView(plain(text(person, "name")), text(person, "role"), text(person, "group"),
                    text(person, "img"), text(person, "href")));
        }
        return list;
    }

    private static List<PersonView> persons(List<FeedContent.Person> persons) {
        return persons.stream()
                .map(person -> new PersonView(plain(person.name()), person.role(), person.group(), person.imageUrl(), person.href()))
                .toList();
    }

    // ---- normalisation of representation ----

    /** A string value, with podcastparser's "" for none as null. */
    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : emptyToNull(value.asText());
    }

    /** Plain text with whitespace collapsed: podcastparser keeps line breaks, we do not. */
    private static String plain(String value) {
        return value == null ? null : emptyToNull(collapse(value));
    }

    private static String trimmed(String value) {
        return value == null ? null : emptyToNull(value.strip());
    }

    private static String collapse(String value) {
        return value.replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    /** Language tags are case-insensitive (BCP 47); we write them in canonical case. */
    private static String language(String value) {
        return value == null ? null : value.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** podcastparser's 0 for an unknown date, duration, season or number. */
    private static Long positive(long value) {
        return value > 0 ? value : null;
    }

    private static Long positive(Integer value) {
        return value == null ? null : positive(value.longValue());
    }

    private static Long positive(Long value) {
        return value == null ? null : positive(value.longValue());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String fileStem(String url) {
        String path = url.substring(url.lastIndexOf('/') + 1);
        int dot = path.lastIndexOf('.');
        return dot > 0 ? path.substring(0, dot) : path;
    }
}

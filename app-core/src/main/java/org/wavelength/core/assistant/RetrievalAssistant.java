package org.wavelength.core.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.wavelength.core.assistant.AskConstraints.Condition;
import org.wavelength.core.browse.Directory;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.EpisodeRecommendation;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.ReciprocalRankFusion;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.core.recommend.SimilarEpisodes;
import org.wavelength.core.recommend.SimilarPodcasts;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.core.search.PodcastTitles;

/**
 * Answers a listener's request without a language model ("retrieval mode"): the request is read by
 * {@link RequestParser}, run through search, similarity and recommendations, and answered with a
 * templated summary that says no language model is configured, and the items, each with a checkable
 * reason. Every condition asked for (language, duration, date, explicit) holds for every item on
 * every path: the services' own filters apply it where they have one, and each item is checked again
 * before it is cited ({@link AskConstraints#admits}); podcasts have no duration or date, so when one
 * is asked for only episodes and passages are cited.
 *
 * <p>What to look for decides the path:
 * <ul>
 * <li>A topic alone: {@link CatalogueSearch} of podcasts, episodes and passages under the conditions.
 * <li>"Like &lt;title&gt;": the title is resolved to a podcast ({@link PodcastTitles}). Alone, the
 * answer is {@link SimilarPodcasts} (or, when a duration or date is asked, the episodes that search
 * finds for the podcast's own text, the similar podcasts' first). With a topic ("like Off Menu but
 * about science"), the topic is searched under the conditions and each hit is ranked by reciprocal-rank
 * fusion of its place in the search and its podcast's place among the podcasts similar to the one
 * named: science first, and among science, what is closest to Off Menu. Similarity lives within one
 * language's index, so asked in another language, the named podcast's description is searched there
 * instead, and the summary says so. An unknown title is said, and its words are searched.
 * <li>An item of the previous answer ("more like the second one"): the same with that item; for an
 * episode, {@link SimilarEpisodes} ranks alongside the search of its text.
 * <li>"For me" from a signed-in listener: {@link Recommendations} (blend) under the conditions; with a
 * topic, the topic search ranked with the listener's recommendations. Without a listener, the summary
 * says so and the answer is not personal.
 * <li>Only conditions, as a first message: the newest episodes that meet them.
 * </ul>
 * A follow-up that states only conditions ("shorter", "in Chinese instead", "only recent ones") or
 * points at an item re-runs the previous request with them ({@link AskConstraints#refinedBy}); the
 * caller keeps the {@link Conversation} returned with each answer and passes it back. When nothing is
 * found, each condition is taken away in turn to say which one left nothing. At most
 * {@value #MAX_ITEMS} items, {@value #MAX_PER_PODCAST} from one podcast.
 */
public class RetrievalAssistant {

    public static final int MAX_ITEMS = 8;
    /** How every answer begins; a caller that searched because a configured model failed words it its own way. */
    public static final String NO_MODEL = AnswerTexts.NO_MODEL;
    static final int MAX_PER_PODCAST = 2;
    /** Candidates read from each source before the conditions and the cap per podcast thin them. */
    static final int POOL = 50;
    /** Items a listing reads before the conditions thin them: conditions the directory cannot apply need more. */
    static final int LISTED = 100;

    /**
     * An answer: the summary, the items cited, the constraints it was found with (a follow-up merged
     * into the previous request), the conversation to pass back with the next message, and the
     * conditions the items were found without because with them there was nothing (the summary says so).
     */
    public record Answer(String text, List<CitedItem> items, AskConstraints constraints, Conversation conversation,
            List<Condition> leftOut) {

        public Answer {
            items = List.copyOf(items);
            leftOut = List.copyOf(leftOut);
        }
    }

    private final CatalogueSearch search;
    private final SimilarPodcasts similarPodcasts;
    private final SimilarEpisodes similarEpisodes;
    private final Recommendations recommendations;
    private final CatalogueStore catalogue;
    private final Directory directory;
    private final RequestParser parser;
    private final PodcastTitles titles;
    private final Clock clock;

    public RetrievalAssistant(CatalogueSearch search, SimilarPodcasts similarPodcasts, SimilarEpisodes similarEpisodes,
            Recommendations recommendations, CatalogueStore catalogue, Directory directory, RequestParser parser, Clock clock) {
        this.search = search;
        this.similarPodcasts = similarPodcasts;
        this.similarEpisodes = similarEpisodes;
        this.recommendations = recommendations;
        this.catalogue = catalogue;
        this.directory = directory;
        this.parser = parser;
        this.titles = new PodcastTitles(catalogue, clock);
        this.clock = clock;
    }

    /**
     * @param userId       the signed-in listener, or null
     * @param conversation what the previous answer returned, or {@link Conversation#NEW} (null is taken as new)
     */
    public Answer answer(Long userId, String message, Conversation conversation) {
        Conversation previous = conversation == null ? Conversation.NEW : conversation;
        AskConstraints asked = parser.parse(message);
        List<String> notes = new ArrayList<>();
        if (asked.isEmpty()) {
            return new Answer(AnswerTexts.help(notes), List.of(), asked, previous, List.of());
        }
        boolean followUp = asked.isFollowUp() && previous.hasPrevious();
        AskConstraints constraints = followUp ? LengthChanges.applied(asked, previous.request(), previous.items())
                : LengthChanges.applied(asked, AskConstraints.NONE, List.of());
        if (followUp) {
            constraints = previous.request().refinedBy(constraints);
        }
        CitedItem reference;
        if (asked.previousItem() != null) {
            reference = pointedAt(previous.items(), asked.previousItem());
            if (reference == null) {
                notes.add(previous.items().isEmpty() ? "There is no earlier answer to pick from."
                        : "The last answer has no item " + asked.previousItem() + ".");
                return new Answer(AnswerTexts.help(notes), List.of(), constraints, previous, List.of());
            }
        } else if (followUp && previous.reference() != null) {
            reference = previous.reference();
        } else {
            reference = constraints.likeTitle() == null ? null : titled(constraints.likeTitle(), notes);
            if (reference != null && constraints.topic() != null && partOfTitle(constraints.topic(), reference.podcast())) {
                // "like Mom and Dad Are Fighting | Slate's parenting show": the rest of its name, not a subject.
                constraints = constraints.withTopic(null);
            }
        }

        // What to be like decides what is found: "for me" adds nothing then.
        boolean personal = constraints.forMe() && reference == null;
        // "Comedy podcasts", "a science show": a category's name with what to find lists the category; a bare
        // "science" is a subject to search, and a listener's own ranking keeps to search.
        String category = reference == null && !(personal && userId != null) && constraints.topic() != null
                && constraints.wants() != null
                ? categoryNamed(constraints.topic()) : null;
        AskedRequest request = new AskedRequest(constraints, reference, personal ? userId : null, category);
        if (personal && userId == null) {
            notes.add("Sign in to get recommendations of your own: these are not personal.");
        }
        List<CitedItem> items = find(request, notes);
        Instant now = clock.instant();
        String text;
        List<Condition> leftOut = List.of();
        if (!items.isEmpty()) {
            text = AnswerTexts.found(items, request.subject(), constraints, now, notes);
        } else {
            leftOut = toLeaveOut(request);
            if (leftOut.isEmpty()) {
                if (request.onlyLanguage()) {
                    notes.add(AnswerTexts.languagesHeld(directory.languages()));
                }
                text = AnswerTexts.nothing(request.subject(), constraints, now, notes);
            } else {
                // Conditions left nothing: answer what was asked for without them, and say which they were.
                notes.add(0, AnswerTexts.without(leftOut, constraints, now));
                AskedRequest relaxed = request.without(leftOut);
                items = find(relaxed, new ArrayList<>());
                text = AnswerTexts.found(items, relaxed.subject(), relaxed.constraints(), now, notes);
            }
        }
        return new Answer(text, items, constraints, new Conversation(constraints, reference, items), leftOut);
    }

    // ---------------------------------------------------------------- the paths

    private List<CitedItem> find(AskedRequest request, List<String> notes) {
        CitedItem reference = request.reference();
        if (reference != null) {
            return reference.episode() != null ? likeEpisode(request, notes) : likePodcast(request, notes);
        }
        if (request.userId() != null) {
            return request.topic() == null ? forListener(request) : searched(request, request.topic(), Map.of(),
                    personalRanks(request));
        }
        if (request.topic() != null && request.category() == null) {
            return searched(request, request.topic(), Map.of(), Map.of());
        }
        return listed(request);
    }

    /** Like a podcast: its similar podcasts, or a search ranked with them (see the class comment). */
    private List<CitedItem> likePodcast(AskedRequest request, List<String> notes) {
        AskConstraints c = request.constraints();
        Podcast podcast = request.reference().podcast();
        boolean sameLanguage = sameLanguage(request, notes);
        List<Recommendation<Podcast>> similar = sameLanguage ? similarPodcasts(podcast) : List.of();
        if (request.topic() == null && !c.asksForEpisodes() && sameLanguage) {
            if (!similar.isEmpty() || c.language() != null) {
                return Selection.select(similar.stream().map(r -> new CitedItem(r.item(), null, null, r.reason().text())).toList(),
                        request);
            }
            // Similar podcasts are found within one language: none there (it may be the only one of its
            // language), so the nearest on its subject in any language, said as such.
            List<CitedItem> elsewhere = searched(request, ItemTexts.of(podcast), Map.of(), Map.of());
            String segment = Segments.of(podcast.language());
            boolean alone = directory.languages().stream().noneMatch(l -> l.code().equals(segment) && l.podcasts() > 1);
            String where = alone ? " in other languages" : "";
            notes.add((alone ? podcast.title() + " is the only podcast in " + AnswerTexts.language(segment)
                    : "No podcast here is much like " + podcast.title() + " as a whole")
                    + (elsewhere.isEmpty() ? ", and nothing is close to its subject" + where + "."
                    : ", so these are the closest to its subject" + where + "."));
            return elsewhere;
        }
        Map<Long, Ranked> byPodcast = new HashMap<>();
        for (int i = 0; i < similar.size(); i++) {
            byPodcast.put(similar.get(i).item().id(), new Ranked(i, similar.get(i).reason().text()));
        }
        String text = request.topic() != null ? request.topic() : ItemTexts.of(podcast);
        return searched(request, text, byPodcast, Map.of());
    }

    /** Like an episode (or a passage of it): a search of its text, ranked with its similar episodes. */
    private List<CitedItem> likeEpisode(AskedRequest request, List<String> notes) {
        CitedItem reference = request.reference();
        Map<Long, Ranked> byEpisode = new HashMap<>();
        if (sameLanguage(request, notes)) {
            List<Recommendation<EpisodeItem>> similar = similarEpisodes(reference.episode());
            for (int i = 0; i < similar.size(); i++) {
                byEpisode.put(similar.get(i).item().episode().id(), new Ranked(i, similar.get(i).reason().text()));
            }
        }
        String text = request.topic() != null ? request.topic() : ItemTexts.of(reference.podcast(), reference.episode());
        return searched(request, text, Map.of(), byEpisode);
    }

    private List<CitedItem> forListener(AskedRequest request) {
        List<CitedItem> items = new ArrayList<>();
        for (EpisodeRecommendation r : recommended(request)) {
            items.add(new CitedItem(r.podcast(), r.episode(), null, recommendationReason(r)));
        }
        return Selection.select(items, request);
    }

    private Map<Long, Ranked> personalRanks(AskedRequest request) {
        Map<Long, Ranked> byEpisode = new HashMap<>();
        List<EpisodeRecommendation> recommended = recommended(request);
        for (int i = 0; i < recommended.size(); i++) {
            byEpisode.put(recommended.get(i).episode().id(), new Ranked(i, recommendationReason(recommended.get(i))));
        }
        return byEpisode;
    }

    private List<EpisodeRecommendation> recommended(AskedRequest request) {
        return recommendations.recommend(new Recommendations.Request(request.userId(), Strategy.BLEND, POOL,
                request.constraints().toFilter()));
    }

    /** The one place that reads a recommendation's reason. */
    private static String recommendationReason(EpisodeRecommendation r) {
        return r.reason().text();
    }

    /**
     * Search hits under the conditions, the reference left out, ranked by reciprocal-rank fusion of
     * their place in the search and, when a source ranks them too, their place there.
     */
    private List<CitedItem> searched(AskedRequest request, String text, Map<Long, Ranked> byPodcast, Map<Long, Ranked> byEpisode) {
        if (text.isBlank()) { // a referenced podcast without title or description: nothing to search with
            return List.of();
        }
        AskConstraints c = request.constraints();
        VectorFilter filter = c.toFilter();
        CitedItem reference = request.reference();
        if (reference != null && reference.episode() == null) {
            filter = filter.excludingPodcasts(Set.of(reference.podcast().id()));
        } else if (reference != null) {
            filter = filter.excluding(PointIds.of(ItemKind.EPISODE, reference.episode().id()));
        }
        Set<ItemKind> kinds;
        if (request.topic() != null) {
            kinds = c.kindsToSearch();
        } else { // a whole description or episode text is searched: like for like, no passages
            kinds = c.asksForEpisodes() || reference.episode() != null ? Set.of(ItemKind.EPISODE) : Set.of(ItemKind.PODCAST);
        }
        List<CatalogueSearch.Hit> hits = search.search(CatalogueSearch.Query.of(text, kinds, filter, POOL));

        List<Scored> scored = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            CatalogueSearch.Hit hit = hits.get(i);
            Ranked also = hit.episode() != null && byEpisode.containsKey(hit.episode().id())
                    ? byEpisode.get(hit.episode().id()) : byPodcast.get(hit.podcast().id());
            double score = ReciprocalRankFusion.share(i + 1) + (also == null ? 0 : ReciprocalRankFusion.share(also.rank() + 1));
            scored.add(new Scored(new CitedItem(hit.podcast(), hit.episode(), hit.passage(),
                    searchReason(request, hit, also)), score));
        }
        scored.sort(Comparator.comparingDouble(s -> -s.score())); // stable: ties keep the search's order
        return Selection.select(scored.stream().map(Scored::item).toList(), request);
    }

    private static String searchReason(AskedRequest request, CatalogueSearch.Hit hit, Ranked also) {
        CitedItem reference = request.reference();
        if (request.topic() == null) { // the reference's own text was searched
            // Worded as SimilarPodcasts and SimilarEpisodes word theirs.
            return also != null ? also.reason() : "Close in subject to " + (reference.episode() != null
                    ? reference.episode().title() : reference.podcast().title());
        }
        String reason = AnswerTexts.topicReason(request.topic(), hit.podcast(), hit.episode(), hit.passage());
        return also == null || also.reason().isEmpty() ? reason
                : reason + "; " + Character.toLowerCase(also.reason().charAt(0)) + also.reason().substring(1);
    }

    /**
     * No topic, or a topic that names a category: what the directory lists there, in the language asked
     * for: its podcasts, popular first, then the rest; or, when episodes are asked for, its newest
     * episodes, at most two of one podcast.
     */
    private List<CitedItem> listed(AskedRequest request) {
        AskConstraints c = request.constraints();
        String category = request.category();
        List<CitedItem> items;
        if (request.listsEpisodes()) {
            String reason = category == null ? "Among the newest episodes" : "Among the newest episodes under " + category;
            items = directory.newEpisodes(c.language(), category, LISTED).stream()
                    .map(e -> new CitedItem(e.podcast(), e.episode(), null, reason)).toList();
        } else {
            String reason = category == null ? "Listed in the catalogue" : "Listed under " + category;
            items = directory.podcasts(c.language(), category, LISTED).stream()
                    .map(p -> new CitedItem(p, null, null, reason)).toList();
        }
        return Selection.select(items, request);
    }

    /** The catalogue's category a topic names ("comedy", "true crime", "podcasts" of either), or null. */
    private String categoryNamed(String topic) {
        for (String name : topic.endsWith("s") ? List.of(topic, topic.substring(0, topic.length() - 1)) : List.of(topic)) {
            try {
                return directory.category(name).name();
            } catch (UnknownItemException | InvalidInputException notACategory) {
                // try the next spelling
            }
        }
        return null;
    }

    /**
     * The conditions to leave out for something to be found, the softest first: the length, the date,
     * both (only episodes have them), then episodes as the kind, then the language with those, unless the
     * language is all that was asked for. "Nothing explicit" is never left out: it protects the listener. Empty when nothing is found even so.
     */
    private List<Condition> toLeaveOut(AskedRequest request) {
        AskConstraints c = request.constraints();
        List<Condition> episodic = Stream.of(Condition.DURATION, Condition.RECENCY).filter(c::restricts).toList();
        List<List<Condition>> tries = new ArrayList<>();
        episodic.forEach(condition -> tries.add(List.of(condition)));
        if (episodic.size() > 1) {
            tries.add(episodic);
        }
        if (!episodic.isEmpty() || c.restricts(Condition.KIND)) {
            tries.add(Stream.concat(episodic.stream(), Stream.of(Condition.KIND)).toList());
        }
        // A language alone is the whole request: without it, anything would do, which answers nothing.
        if (c.restricts(Condition.LANGUAGE) && !request.onlyLanguage()) {
            List<List<Condition>> withoutLanguage = List.copyOf(tries);
            tries.add(List.of(Condition.LANGUAGE));
            if (episodic.size() > 0) {
                tries.add(Stream.concat(Stream.of(Condition.LANGUAGE), episodic.stream()).toList());
            }
            if (!withoutLanguage.isEmpty()) {
                tries.add(Stream.concat(Stream.of(Condition.LANGUAGE), withoutLanguage.get(withoutLanguage.size() - 1).stream())
                        .distinct().toList());
            }
        }
        for (List<Condition> leaveOut : tries) {
            if (!find(request.without(leaveOut), new ArrayList<>()).isEmpty()) {
                return leaveOut;
            }
        }
        return List.of();
    }

    // ---------------------------------------------------------------- references

    private CitedItem titled(String title, List<String> notes) {
        return titles.find(title).map(p -> new CitedItem(p, null, null, "Named in the request")).orElseGet(() -> {
            notes.add("I found no podcast called “" + title + "” in the catalogue, so these match its words instead.");
            return null;
        });
    }

    /** Every word of the topic is a word of the podcast's own title. */
    private static boolean partOfTitle(String topic, Podcast podcast) {
        Set<String> title = new HashSet<>(Arrays.asList(CatalogueSearch.words(podcast.title()).split(" ")));
        return Arrays.stream(CatalogueSearch.words(topic).split(" ")).allMatch(title::contains);
    }

    private static CitedItem pointedAt(List<CitedItem> items, int ordinal) {
        int index = ordinal == AskConstraints.LAST_ITEM ? items.size() - 1 : ordinal - 1;
        return index >= 0 && index < items.size() ? items.get(index) : null;
    }

    /**
     * Whether the reference's similar items can be used: they are found in its language's index only.
     * When another language is asked for, says so in the notes given.
     */
    private static boolean sameLanguage(AskedRequest request, List<String> notes) {
        String asked = request.constraints().language();
        Podcast podcast = request.reference().podcast();
        if (asked == null || asked.equals(Segments.of(podcast.language()))) {
            return true;
        }
        String name = request.reference().episode() != null ? "“" + request.reference().episode().title() + "”"
                : podcast.title();
        notes.add(name + " is in " + AnswerTexts.language(Segments.of(podcast.language())) + ", so these "
                + AnswerTexts.language(asked) + " items are the closest to its description.");
        return false;
    }

    private List<Recommendation<Podcast>> similarPodcasts(Podcast podcast) {
        try {
            return similarPodcasts.similarTo(podcast.id(), POOL);
        } catch (UnknownItemException deletedSinceCited) {
            return List.of();
        }
    }

    private List<Recommendation<EpisodeItem>> similarEpisodes(Episode episode) {
        try {
            return similarEpisodes.similarTo(episode.id(), POOL);
        } catch (UnknownItemException deletedSinceCited) {
            return List.of();
        }
    }

    private record Ranked(int rank, String reason) {
    }

    private record Scored(CitedItem item, double score) {
    }
}

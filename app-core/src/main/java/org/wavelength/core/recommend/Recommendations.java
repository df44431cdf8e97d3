package org.wavelength.core.recommend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Credit;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeRecommendation;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Reason;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.index.VectorSpace;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorQuery;

/**
 * Episodes for a listener, by the three strategies of the design, alone or blended:
 * <ol>
 * <li>profile: the listener's vector against the episodes';
 * <li>recent: episodes close to each of the ten they engaged with last;
 * <li>similar listeners: what the ten nearest listeners (by profile vector) enjoyed and this one has
 * not heard.
 * </ol>
 * The blend fuses them by weighted reciprocal rank with new episodes of followed podcasts, boosts
 * fresh episodes, then diversifies (MMR, a cap per podcast). Heard, disliked and dismissed episodes
 * and podcasts the listener left or dismissed never come back; disliked ones also pull the
 * vector searches away from their neighbourhood. With nothing known, popular and new episodes.
 */
public class Recommendations {

    /** Tuning, from configuration. */
    public record Settings(
            Map<Strategy, Double> weights,
            int maxPerPodcast,
            double relevanceOverDiversity,
            double freshnessBoost,
            Duration freshnessHalfLife,
            Duration popularWindow) {

        public static Settings defaults() {
            return new Settings(Map.of(Strategy.PROFILE, 1.0, Strategy.RECENT, 1.0, Strategy.SIMILAR_USERS, 0.8,
                    Strategy.FOLLOWING, 0.8), 2, 0.7, 0.2, Duration.ofDays(14), Duration.ofDays(30));
        }

        double weight(Strategy strategy) {
            return weights.getOrDefault(strategy, 0.0);
        }
    }

    /**
     * A request: the filter's language, categories, explicit flag, duration bounds and
     * publication date restrict what is recommended; its kind and exclusions are set here.
     */
    public record Request(long userId, Strategy strategy, int limit, VectorFilter filter) {
    }

    static final int PROFILE_SIZE = 10;
    static final int RECENT_SEEDS = 10;
    static final int PER_SEED = 2;
    static final int SIMILAR_USERS = 10;
    static final int PER_SIMILAR_USER = 2;
    /** Enough of a neighbour's history to find what they enjoyed most lately. */
    static final int NEIGHBOUR_HISTORY = 100;
    static final Duration FOLLOWING_WINDOW = Duration.ofDays(30);
    /**
     * Vector hits scoring under half the best hit of their query are dropped: in a small catalogue
     * they would fill the list with unrelated episodes.
     */
    static final double RELATIVE_FLOOR = 0.5;

    private final SegmentedIndex index;
    private final UserProfiles profiles;
    private final CatalogueStore catalogue;
    private final InteractionStore interactions;
    private final Settings settings;
    private final Blend blend;
    private final Clock clock;

    public Recommendations(SegmentedIndex index, UserProfiles profiles, CatalogueStore catalogue,
            InteractionStore interactions, Settings settings, Clock clock) {
        this.index = index;
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.interactions = interactions;
        this.settings = settings;
        this.blend = new Blend(settings);
        this.clock = clock;
    }

    public List<EpisodeRecommendation> recommend(Request request) {
        UserProfiles.Listener listener = profiles.listener(request.userId());
        VectorFilter filter = filterFor(listener, request.filter());
        List<String> segments = segmentsFor(listener, request.filter());
        int size = Math.max(request.limit(), PROFILE_SIZE);
        RequestState state = new RequestState(listener);

        Map<Strategy, List<Candidate>> lists = new EnumMap<>(Strategy.class);
        switch (request.strategy()) {
            case PROFILE -> lists.put(Strategy.PROFILE, profile(listener, segments, filter, size, state));
            case RECENT -> lists.put(Strategy.RECENT, recent(listener, segments, filter, size, state));
            case SIMILAR_USERS -> lists.put(Strategy.SIMILAR_USERS, similarUsers(listener, segments, filter, size, state));
            case BLEND -> {
                if (listener.knowsNothing()) {
                    lists.put(Strategy.POPULAR, popular(listener, size * 3));
                    lists.put(Strategy.NEW, newest(listener, size * 3));
                } else {
                    lists.put(Strategy.PROFILE, profile(listener, segments, filter, PROFILE_SIZE, state));
                    lists.put(Strategy.RECENT, recent(listener, segments, filter, RECENT_SEEDS * PER_SEED, state));
                    lists.put(Strategy.SIMILAR_USERS, similarUsers(listener, segments, filter,
                            SIMILAR_USERS * PER_SIMILAR_USER, state));
                    lists.put(Strategy.FOLLOWING, following(listener, size));
                }
            }
            default -> throw new IllegalArgumentException(request.strategy().apiName() + " cannot be asked for");
        }
        lists.values().forEach(state::load);
        lists.replaceAll((s, list) -> list.stream().filter(c -> state.accepts(c, request.filter(), listener))
                .map(c -> {
                    Episode episode = state.episodes.get(c.episodeId());
                    return c.hydrated(episode, state.podcasts.get(episode.podcastId()), freshness(episode.publishedAt()));
                }).toList());

        List<Candidate> ranked = request.strategy() == Strategy.BLEND ? blend.fuse(lists) : lists.values().iterator().next();
        List<Candidate> chosen = request.strategy() == Strategy.BLEND
                ? blend.diversify(ranked, request.limit())
                : ranked.stream().limit(request.limit()).toList();
        // An episode with a person of an episode the listener liked says so, whatever found it.
        Map<Long, Credit> withLikedPeople = SharedPeople.across(catalogue, listener.taste().likedEpisodes.stream()
                .map(listener.episodes()::get).filter(e -> e != null).toList(),
                chosen.stream().map(c -> state.episodes.get(c.episodeId())).toList());
        List<EpisodeRecommendation> result = new ArrayList<>(chosen.size());
        for (Candidate c : chosen) {
            Episode episode = state.episodes.get(c.episodeId());
            Credit shared = withLikedPeople.get(episode.id());
            result.add(new EpisodeRecommendation(episode, state.podcasts.get(episode.podcastId()), c.score(),
                    shared == null ? c.reason() : Reason.of(Reason.Kind.WITH_PERSON, shared.name()), c.strategy()));
        }
        return result;
    }

    /** Episodes only, none heard or dismissed, nothing explicit for a listener who said no. */
    private static VectorFilter filterFor(UserProfiles.Listener listener, VectorFilter requested) {
        Set<String> excluded = listener.taste().excludedEpisodes.stream()
                .map(id -> PointIds.of(ItemKind.EPISODE, id)).collect(Collectors.toSet());
        VectorFilter filter = (requested == null ? VectorFilter.ALL : requested).withKind(ItemKind.EPISODE)
                .withLanguage(null).excludingPodcasts(listener.taste().excludedPodcasts).excludingAll(excluded);
        if (!listener.preferences().explicitAllowed()) {
            filter = filter.withExplicit(false);
        }
        return filter;
    }

    /** The asked language, else the listener's languages, else where their history is, else everywhere. */
    private List<String> segmentsFor(UserProfiles.Listener listener, VectorFilter requested) {
        if (requested != null && requested.language() != null) {
            return List.of(Segments.of(requested.language()));
        }
        Set<String> segments = listener.segments();
        return segments.isEmpty() ? List.copyOf(index.segments()) : List.copyOf(segments);
    }

    // --- Strategy 1: the listener's profile against the episodes -------------------------------

    private List<Candidate> profile(UserProfiles.Listener listener, List<String> segments, VectorFilter filter, int size,
            RequestState state) {
        List<Candidate> found = new ArrayList<>();
        for (String segment : segments) {
            Optional<VectorSpace> space = state.space(segment);
            if (space.isEmpty()) {
                continue;
            }
            List<UserProfiles.Contributor> contributors = state.contributors(listener, segment);
            Optional<float[]> vector = UserProfiles.vector(contributors);
            if (vector.isEmpty()) {
                continue;
            }
            List<VectorHit> hits = nearest(space.get(), vector.get(), listener, filter, size);
            for (VectorHit hit : hits) {
                float[] v = space.get().vectorOf(hit.id()).orElse(vector.get());
                found.add(new Candidate(hit.entityId(), hit.podcastId(), segment, hit.score(), v,
                        reasonFromContributors(listener, contributors, v), Strategy.PROFILE));
            }
        }
        return byScore(found, size);
    }

    /** The contributor of the profile closest to the item: the checkable part of "why". */
    private static Reason reasonFromContributors(UserProfiles.Listener listener, List<UserProfiles.Contributor> contributors,
            float[] item) {
        UserProfiles.Contributor best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (UserProfiles.Contributor c : contributors) {
            double score = Vectors.cosine(c.vector(), item);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        if (best == null) {
            return Reason.of(Reason.Kind.CLOSE_TO_HISTORY);
        }
        return best.interest() != null ? Reason.of(Reason.Kind.INTEREST, best.interest()) : because(listener, best.item());
    }

    static Reason because(UserProfiles.Listener listener, Taste.Engaged item) {
        if (item.kind() == ItemKind.PODCAST) {
            Podcast podcast = listener.podcasts().get(item.id());
            return Reason.of(Reason.Kind.FOLLOWED, podcast == null ? null : podcast.title());
        }
        Episode episode = listener.episodes().get(item.id());
        String title = episode == null ? null : episode.title();
        return Reason.of(item.signal() == Interaction.Type.LIKE ? Reason.Kind.LIKED : Reason.Kind.LISTENED, title);
    }

    // --- Strategy 2: neighbours of the latest engaged episodes ---------------------------------

    private List<Candidate> recent(UserProfiles.Listener listener, List<String> segments, VectorFilter filter, int size,
            RequestState state) {
        int perSeed = Math.max(PER_SEED, (size + RECENT_SEEDS - 1) / RECENT_SEEDS);
        Map<Long, Candidate> found = new LinkedHashMap<>();
        for (Taste.Engaged seed : listener.taste().recentEpisodes(RECENT_SEEDS)) {
            Podcast podcast = listener.podcasts().get(seed.podcastId());
            String segment = podcast == null ? null : Segments.of(podcast.language());
            if (segment == null || !segments.contains(segment)) {
                continue;
            }
            Optional<VectorSpace> space = state.space(segment);
            Optional<float[]> seedVector = space.flatMap(s -> s.vectorOf(PointIds.of(ItemKind.EPISODE, seed.id())));
            if (seedVector.isEmpty()) {
                continue;
            }
            Reason reason = because(listener, seed);
            List<VectorHit> hits = nearest(space.get(), seedVector.get(), listener, filter, perSeed + found.size());
            int taken = 0;
            for (VectorHit hit : hits) {
                if (taken == perSeed) {
                    break;
                }
                if (!found.containsKey(hit.entityId())) {
                    found.put(hit.entityId(), new Candidate(hit.entityId(), hit.podcastId(), segment, hit.score(),
                            space.get().vectorOf(hit.id()).orElse(null), reason, Strategy.RECENT));
                    taken++;
                }
            }
        }
        return byScore(new ArrayList<>(found.values()), size);
    }

    // --- Strategy 3: what listeners with a similar profile enjoyed -----------------------------

    private List<Candidate> similarUsers(UserProfiles.Listener listener, List<String> segments, VectorFilter filter, int size,
            RequestState state) {
        int perUser = Math.max(PER_SIMILAR_USER, (size + SIMILAR_USERS - 1) / SIMILAR_USERS);
        String self = PointIds.of(ItemKind.USER, listener.userId());
        Map<Long, Double> similarity = new LinkedHashMap<>();
        for (String segment : segments) {
            Optional<VectorSpace> space = state.space(segment);
            Optional<float[]> vector = UserProfiles.vector(state.contributors(listener, segment));
            if (vector.isEmpty()) {
                continue;
            }
            for (VectorHit hit : space.get().search(VectorQuery.of(vector.get(),
                    VectorFilter.kind(ItemKind.USER).excluding(self), SIMILAR_USERS))) {
                similarity.merge(hit.entityId(), hit.score(), Math::max);
            }
        }
        List<Long> neighbours = similarity.entrySet().stream().sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .limit(SIMILAR_USERS).map(Map.Entry::getKey).toList();
        if (neighbours.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Interaction>> histories = interactions.recent(neighbours, NEIGHBOUR_HISTORY).stream()
                .collect(Collectors.groupingBy(Interaction::userId, LinkedHashMap::new, Collectors.toList()));
        Instant now = clock.instant();
        List<Candidate> found = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (long neighbour : neighbours) {
            Taste theirs = Taste.of(histories.getOrDefault(neighbour, List.of()), Map.of(), now);
            List<Taste.Engaged> liked = theirs.strongestEpisodes(perUser * 5).stream()
                    .filter(e -> !listener.taste().excludedEpisodes.contains(e.id()) && !taken.contains(e.id())
                            && !filter.excludedPodcastIds().contains(e.podcastId()))
                    .toList();
            state.loadEpisodes(liked.stream().map(Taste.Engaged::id).toList());
            int count = 0;
            for (Taste.Engaged e : liked) {
                Episode episode = state.episodes.get(e.id());
                Podcast podcast = episode == null ? null : state.podcasts.get(episode.podcastId());
                if (podcast == null || !segments.contains(Segments.of(podcast.language()))
                        || !RequestState.matches(filter, podcast, episode)) {
                    continue;
                }
                float[] v = state.space(Segments.of(podcast.language()))
                        .flatMap(s -> s.vectorOf(PointIds.of(ItemKind.EPISODE, e.id()))).orElse(null);
                found.add(new Candidate(e.id(), podcast.id(), Segments.of(podcast.language()),
                        similarity.get(neighbour) * Math.min(1, e.weight()), v, Reason.of(Reason.Kind.SIMILAR_LISTENERS),
                        Strategy.SIMILAR_USERS));
                taken.add(e.id());
                if (++count == perUser) {
                    break;
                }
            }
        }
        return byScore(found, size);
    }

    // --- Other sources of the blend and the cold start ------------------------------------------

    private List<Candidate> following(UserProfiles.Listener listener, int size) {
        Set<Long> followed = listener.taste().followedPodcasts;
        if (followed.isEmpty()) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        for (Episode e : catalogue.newestEpisodes(followed, clock.instant().minus(FOLLOWING_WINDOW), size)) {
            if (listener.taste().excludedEpisodes.contains(e.id())) {
                continue;
            }
            Podcast podcast = listener.podcasts().get(e.podcastId());
            found.add(new Candidate(e.id(), e.podcastId(), podcast == null ? null : Segments.of(podcast.language()),
                    freshness(e.publishedAt()), null,
                    Reason.of(Reason.Kind.NEW_FROM_FOLLOWED, podcast == null ? null : podcast.title()),
                    Strategy.FOLLOWING));
        }
        return found;
    }

    /** Episodes by how many listeners engaged with them within the popular window, most first. */
    public List<Long> popular(int limit) {
        return interactions.popularEpisodes(clock.instant().minus(settings.popularWindow()), limit);
    }

    private List<Candidate> popular(UserProfiles.Listener listener, int size) {
        List<Long> ids = popular(size);
        List<Candidate> found = new ArrayList<>();
        for (int rank = 0; rank < ids.size(); rank++) {
            long id = ids.get(rank);
            if (!listener.taste().excludedEpisodes.contains(id)) {
                found.add(new Candidate(id, null, null, 1.0 / (rank + 1), null, Reason.of(Reason.Kind.POPULAR),
                        Strategy.POPULAR));
            }
        }
        return found;
    }

    private List<Candidate> newest(UserProfiles.Listener listener, int size) {
        return catalogue.newestEpisodes(List.of(), clock.instant().minus(settings.popularWindow()), size).stream()
                .filter(e -> !listener.taste().excludedEpisodes.contains(e.id()))
                .map(e -> new Candidate(e.id(), e.podcastId(), null, freshness(e.publishedAt()), null, Reason.of(Reason.Kind.JUST_PUBLISHED),
                        Strategy.NEW))
                .toList();
    }

    // --- Helpers --------------------------------------------------------------------------------

    /** k-NN, or "more like these, less like those" when the listener disliked something here. */
    private List<VectorHit> nearest(VectorSpace space, float[] target, UserProfiles.Listener listener,
            VectorFilter filter, int limit) {
        List<float[]> negatives = new ArrayList<>();
        for (Taste.Rejected r : listener.taste().rejected) {
            space.vectorOf(PointIds.of(r.kind(), r.id())).ifPresent(negatives::add);
        }
        List<VectorHit> hits = negatives.isEmpty()
                ? space.search(VectorQuery.of(target, filter, limit))
                : space.recommend(new RecommendQuery(List.of(), List.of(target), List.of(), negatives, filter, limit, null));
        if (hits.isEmpty() || hits.get(0).score() <= 0) {
            return List.of();
        }
        double floor = hits.get(0).score() * RELATIVE_FLOOR;
        return hits.stream().filter(h -> h.score() >= floor).toList();
    }

    /** 1 for an episode out today, ½ after one half-life, 0 when the date is unknown. */
    private double freshness(Instant publishedAt) {
        if (publishedAt == null) {
            return 0;
        }
        double age = Math.max(0, Duration.between(publishedAt, clock.instant()).toSeconds());
        return Math.pow(0.5, age / settings.freshnessHalfLife().toSeconds());
    }

    private static List<Candidate> byScore(List<Candidate> candidates, int limit) {
        return candidates.stream().sorted(Comparator.comparingDouble(Candidate::score).reversed()).limit(limit).toList();
    }

    /** What one request reads: episodes and podcasts (loaded in batches), spaces and profile parts (once). */
    private final class RequestState {
        final Map<Long, Episode> episodes = new HashMap<>();
        final Map<Long, Podcast> podcasts = new HashMap<>();
        final Map<String, Optional<VectorSpace>> spaces = new HashMap<>();
        final Map<String, List<UserProfiles.Contributor>> contributors = new HashMap<>();

        /** A segment's serving space, remembering the vectors read during this request. */
        Optional<VectorSpace> space(String segment) {
            return spaces.computeIfAbsent(segment, s -> index.servingSpace(s).map(VectorSpace::remembering));
        }

        /** What the listener's profile is made of in a segment, computed once per request. */
        List<UserProfiles.Contributor> contributors(UserProfiles.Listener listener, String segment) {
            return contributors.computeIfAbsent(segment,
                    s -> space(s).map(space -> profiles.contributors(listener, s, space)).orElse(List.of()));
        }

        RequestState(UserProfiles.Listener listener) {
            episodes.putAll(listener.episodes());
            podcasts.putAll(listener.podcasts());
        }

        void load(List<Candidate> candidates) {
            loadEpisodes(candidates.stream().map(Candidate::episodeId).toList());
        }

        void loadEpisodes(List<Long> ids) {
            List<Long> missing = ids.stream().filter(id -> !episodes.containsKey(id)).distinct().toList();
            if (!missing.isEmpty()) {
                catalogue.episodes(missing).forEach(e -> episodes.put(e.id(), e));
            }
            List<Long> podcastIds = missing.stream().map(episodes::get).filter(e -> e != null).map(Episode::podcastId)
                    .filter(id -> !podcasts.containsKey(id)).distinct().toList();
            if (!podcastIds.isEmpty()) {
                catalogue.podcasts(podcastIds).forEach(p -> podcasts.put(p.id(), p));
            }
        }

        /** Known, not gone from its feed, and within the filters (lists not found through the index are checked here). */
        boolean accepts(Candidate c, VectorFilter requested, UserProfiles.Listener listener) {
            Episode e = episodes.get(c.episodeId());
            Podcast p = e == null ? null : podcasts.get(e.podcastId());
            if (p == null || e.goneFromFeedAt() != null) {
                return false;
            }
            VectorFilter filter = requested == null ? VectorFilter.ALL : requested;
            if (!listener.preferences().explicitAllowed() && p.explicit()) {
                return false;
            }
            if (listener.taste().excludedPodcasts.contains(p.id())) {
                return false;
            }
            Set<String> languages = listener.preferences().languages();
            if (!languages.isEmpty() && !languages.contains(Segments.of(p.language()))) {
                return false;
            }
            if (filter.language() != null && !Segments.of(filter.language()).equals(Segments.of(p.language()))) {
                return false;
            }
            return matches(filter, p, e);
        }

        static boolean matches(VectorFilter f, Podcast p, Episode e) {
            return (f.categories().isEmpty() || p.categories().stream().anyMatch(f.categories()::contains))
                    && (f.explicit() == null || f.explicit() == p.explicit())
                    && (f.minDurationSeconds() == null || e.durationSeconds() != null && e.durationSeconds() >= f.minDurationSeconds())
                    && (f.maxDurationSeconds() == null || e.durationSeconds() != null && e.durationSeconds() <= f.maxDurationSeconds())
                    && (f.publishedAfter() == null || e.publishedAt() != null && !e.publishedAt().isBefore(f.publishedAfter()))
                    && !f.excludedPodcastIds().contains(p.id());
        }
    }
}

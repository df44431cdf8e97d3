package org.wavelength.core.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wavelength.core.domain.Interaction.Type;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.ItemKind;

/**
 * What a listener's history says, read newest first: the items they engaged with and how much
 * (weighted by the kind of signal and decayed with age), what they disliked or dismissed, what they
 * heard and what they follow. The latest word on an item wins: a like then a dislike is a dislike.
 */
final class Taste {

    /** A week-old like counts about 85 %, a three-month-old one 12 %: tastes drift, old signals fade. */
    static final Duration HALF_LIFE = Duration.ofDays(30);

    /** A positive signal: an episode or a followed podcast, its weight and the signal that set it. */
    record Engaged(ItemKind kind, long id, Long podcastId, double weight, Type signal, Instant at) {
    }

    /** A negative signal: the item to steer away from. */
    record Rejected(ItemKind kind, long id) {
    }

    final List<Engaged> engaged;
    final List<Rejected> rejected;
    final Set<Long> heardEpisodes;
    final Set<Long> excludedEpisodes;
    final Set<Long> excludedPodcasts;
    final Set<Long> followedPodcasts;
    /** Episodes whose latest verdict is a like. */
    final Set<Long> likedEpisodes;

    private Taste(List<Engaged> engaged, List<Rejected> rejected, Set<Long> heard, Set<Long> excludedEpisodes,
            Set<Long> excludedPodcasts, Set<Long> followed, Set<Long> liked) {
        this.engaged = engaged;
        this.rejected = rejected;
        this.heardEpisodes = heard;
        this.excludedEpisodes = excludedEpisodes;
        this.excludedPodcasts = excludedPodcasts;
        this.followedPodcasts = followed;
        this.likedEpisodes = liked;
    }

    /**
     * How much a signal says "more like this": a like most, a completed episode nearly as much, a
     * partial listen by the share heard, a bare play little (people sample).
     */
    static double weight(Interaction interaction, Integer durationSeconds) {
        return switch (interaction.type()) {
            case LIKE -> 1.0;
            case COMPLETE -> 0.8;
            case SUBSCRIBE -> 0.7;
            case PROGRESS -> 0.2 + 0.6 * share(interaction.positionSeconds(), durationSeconds);
            case PLAY -> 0.2;
            default -> 0;
        };
    }

    private static double share(Integer position, Integer duration) {
        if (position == null || duration == null || duration <= 0) {
            return 0.25; // unknown length: some listening, not much said
        }
        return Math.min(1, Math.max(0, position / (double) duration));
    }

    static double decay(Instant at, Instant now) {
        double days = Math.max(0, Duration.between(at, now).toSeconds() / 86_400.0);
        return Math.pow(0.5, days / (HALF_LIFE.toSeconds() / 86_400.0));
    }

    /** Reads a history, newest first; {@code durations} gives episode lengths for PROGRESS. */
    static Taste of(List<Interaction> newestFirst, Map<Long, Integer> durations, Instant now) {
        Map<Long, Engaged> episodes = new LinkedHashMap<>();
        Map<Long, Engaged> podcasts = new LinkedHashMap<>();
        Map<Long, Type> episodeVerdict = new HashMap<>(); // latest LIKE / DISLIKE / NOT_INTERESTED
        Map<Long, Type> podcastVerdict = new HashMap<>(); // latest SUBSCRIBE / UNSUBSCRIBE / NOT_INTERESTED
        Set<Long> heard = new HashSet<>();
        for (Interaction i : newestFirst) {
            if (i.episodeId() != null) {
                long id = i.episodeId();
                switch (i.type()) {
                    case LIKE, DISLIKE, NOT_INTERESTED -> episodeVerdict.putIfAbsent(id, i.type());
                    case PLAY, PROGRESS, COMPLETE -> heard.add(id);
                    default -> { }
                }
                double w = weight(i, durations.get(id)) * decay(i.at(), now);
                if (w > 0) {
                    Engaged before = episodes.get(id);
                    if (before == null || w > before.weight()) { // the strongest signal, not a sum: ten plays are not a like
                        episodes.put(id, new Engaged(ItemKind.EPISODE, id, i.podcastId(), w, i.type(),
                                before == null ? i.at() : before.at()));
                    }
                }
            } else {
                long id = i.podcastId();
                switch (i.type()) {
                    case SUBSCRIBE, UNSUBSCRIBE, NOT_INTERESTED -> podcastVerdict.putIfAbsent(id, i.type());
                    default -> { }
                }
                double w = weight(i, null) * decay(i.at(), now);
                if (w > 0) {
                    podcasts.putIfAbsent(id, new Engaged(ItemKind.PODCAST, id, id, w, i.type(), i.at()));
                }
            }
        }
        List<Rejected> rejected = new ArrayList<>();
        Set<Long> excludedEpisodes = new HashSet<>(heard);
        excludedEpisodes.addAll(episodes.keySet()); // engaged with but not played (a like): nothing to recommend again
        Set<Long> excludedPodcasts = new HashSet<>();
        Set<Long> followed = new HashSet<>();
        episodeVerdict.forEach((id, verdict) -> {
            excludedEpisodes.add(id);
            if (verdict != Type.LIKE) {
                rejected.add(new Rejected(ItemKind.EPISODE, id));
                episodes.remove(id);
            }
        });
        podcastVerdict.forEach((id, verdict) -> {
            if (verdict == Type.SUBSCRIBE) {
                followed.add(id);
            } else {
                excludedPodcasts.add(id);
                podcasts.remove(id);
                if (verdict == Type.NOT_INTERESTED) {
                    rejected.add(new Rejected(ItemKind.PODCAST, id));
                }
            }
        });
        List<Engaged> engaged = new ArrayList<>(episodes.values());
        engaged.addAll(podcasts.values());
        engaged.removeIf(e -> e.podcastId() != null && excludedPodcasts.contains(e.podcastId()));
        Set<Long> liked = episodeVerdict.entrySet().stream().filter(v -> v.getValue() == Type.LIKE)
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        return new Taste(List.copyOf(engaged), List.copyOf(rejected), Set.copyOf(heard), Set.copyOf(excludedEpisodes),
                Set.copyOf(excludedPodcasts), Set.copyOf(followed), Set.copyOf(liked));
    }

    boolean isEmpty() {
        return engaged.isEmpty();
    }

    /** Engaged episodes, most recent first (the order the listener did them in). */
    List<Engaged> recentEpisodes(int limit) {
        return engaged.stream().filter(e -> e.kind() == ItemKind.EPISODE)
                .sorted(Comparator.comparing(Engaged::at).reversed()).limit(limit).toList();
    }

    /** Engaged episodes, strongest signal first. */
    List<Engaged> strongestEpisodes(int limit) {
        return engaged.stream().filter(e -> e.kind() == ItemKind.EPISODE)
                .sorted(Comparator.comparingDouble(Engaged::weight).reversed()).limit(limit).toList();
    }
}

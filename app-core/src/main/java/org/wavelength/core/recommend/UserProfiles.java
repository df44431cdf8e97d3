package org.wavelength.core.recommend;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.index.IndexRebuild;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.index.VectorSpace;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.core.port.VectorPoint;

/**
 * A listener as a vector: the time-decayed, weighted mean of what they engaged with plus their
 * interests text, one vector per language segment (each segment has its own model). The vector is
 * computed afresh for every recommendation, so an interaction counts at once, and written to the
 * index as a USER point after every change, so that similar listeners can find each other.
 */
public class UserProfiles implements IndexRebuild.DerivedVectors {

    /** Enough history for a stable profile; older signals have decayed to almost nothing anyway. */
    static final int HISTORY = 500;

    /** The interests count as much as one liked episode: they lead a new profile and fade as history grows. */
    static final double INTEREST_WEIGHT = 1.0;

    private static final int INTEREST_CACHE = 10_000;

    private final SegmentedIndex index;
    private final InteractionStore interactions;
    private final PreferenceStore preferences;
    private final CatalogueStore catalogue;
    private final Clock clock;
    private final Map<String, float[]> interestVectors = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > INTEREST_CACHE;
                }
            });

    public UserProfiles(SegmentedIndex index, InteractionStore interactions, PreferenceStore preferences,
            CatalogueStore catalogue, Clock clock) {
        this.index = index;
        this.interactions = interactions;
        this.preferences = preferences;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Everything known about a listener, read once per request. */
    public Listener listener(long userId) {
        List<Interaction> history = interactions.recent(userId, HISTORY);
        Set<Long> episodeIds = new LinkedHashSet<>();
        Set<Long> podcastIds = new LinkedHashSet<>();
        history.forEach(i -> {
            if (i.episodeId() != null) {
                episodeIds.add(i.episodeId());
            }
            if (i.podcastId() != null) {
                podcastIds.add(i.podcastId());
            }
        });
        Map<Long, Episode> episodes = new HashMap<>();
        catalogue.episodes(episodeIds).forEach(e -> episodes.put(e.id(), e));
        episodes.values().forEach(e -> podcastIds.add(e.podcastId()));
        Map<Long, Podcast> podcasts = new HashMap<>();
        catalogue.podcasts(podcastIds).forEach(p -> podcasts.put(p.id(), p));
        Map<Long, Integer> durations = new HashMap<>();
        episodes.values().stream().filter(e -> e.durationSeconds() != null)
                .forEach(e -> durations.put(e.id(), e.durationSeconds()));
        return new Listener(userId, Taste.of(history, durations, clock.instant()), preferences.preferences(userId),
                episodes, podcasts);
    }

    /** Rewrites the listener's USER points in every segment they have a say in. */
    public void refresh(long userId) {
        Listener listener = listener(userId);
        Set<String> segments = new LinkedHashSet<>(listener.segments());
        if (listener.preferences().hasInterests() && segments.isEmpty()) {
            segments.addAll(index.segments());
        }
        for (String segment : index.segments()) {
            for (VectorSpace space : index.writeSpaces(segment)) {
                write(listener, segment, space, segments.contains(segment));
            }
        }
    }

    @Override
    public void rebuild(String segment, VectorSpace target) {
        Set<Long> users = new LinkedHashSet<>(interactions.users());
        users.addAll(preferences.usersWithInterests());
        for (long userId : users) {
            write(listener(userId), segment, target, true);
        }
    }

    private void write(Listener listener, String segment, VectorSpace space, boolean belongs) {
        String pointId = PointIds.of(ItemKind.USER, listener.userId());
        Optional<float[]> vector = belongs ? vector(listener, segment, space) : Optional.empty();
        if (vector.isPresent()) {
            space.upsert(List.of(new VectorPoint(pointId, new PointPayload(ItemKind.USER, listener.userId(), null, null,
                    segment, List.of(), false, null, null, null, null), null, vector.get())));
        } else {
            space.delete(List.of(pointId));
        }
    }

    /** The profile vector of a listener in one segment's space; empty when nothing is known there. */
    public Optional<float[]> vector(Listener listener, String segment, VectorSpace space) {
        return vector(contributors(listener, segment, space));
    }

    /** The weighted mean of the contributors' unit vectors, as a unit vector. */
    static Optional<float[]> vector(List<Contributor> contributors) {
        if (contributors.isEmpty()) {
            return Optional.empty();
        }
        float[] sum = new float[contributors.get(0).vector().length];
        for (Contributor c : contributors) {
            Vectors.addScaled(sum, c.vector(), c.weight());
        }
        return Optional.of(Vectors.normalized(sum));
    }

    /**
     * What makes up the profile in a segment: the engaged items found there with their weights, and
     * each interest phrase sharing {@link #INTEREST_WEIGHT}. Also what reasons are chosen from.
     */
    List<Contributor> contributors(Listener listener, String segment, VectorSpace space) {
        List<Contributor> contributors = new ArrayList<>();
        for (Taste.Engaged e : listener.taste().engaged) {
            Podcast podcast = listener.podcasts().get(e.podcastId());
            if (podcast == null || !Segments.of(podcast.language()).equals(segment)) {
                continue;
            }
            space.vectorOf(PointIds.of(e.kind(), e.id())).ifPresent(v -> contributors.add(
                    new Contributor(Vectors.normalized(v), e.weight(), e, null)));
        }
        List<String> phrases = listener.preferences().interestPhrases();
        for (String phrase : phrases) {
            float[] v = interestVector(space, phrase);
            contributors.add(new Contributor(v, INTEREST_WEIGHT / phrases.size(), null, phrase));
        }
        return contributors;
    }

    private float[] interestVector(VectorSpace space, String phrase) {
        String key = space.model() + '\u0000' + phrase;
        float[] cached = interestVectors.get(key);
        if (cached == null) {
            cached = Vectors.normalized(space.embed(phrase));
            interestVectors.put(key, cached);
        }
        return cached;
    }

    /** One part of a profile: an engaged item or an interest phrase, with its unit vector and weight. */
    record Contributor(float[] vector, double weight, Taste.Engaged item, String interest) {
    }

    /** A listener's history, preferences and the catalogue items their history names. */
    public record Listener(long userId, Taste taste, Preferences preferences, Map<Long, Episode> episodes,
            Map<Long, Podcast> podcasts) {

        /** The segments of what they engaged with, or of the languages they chose. */
        public Set<String> segments() {
            Set<String> segments = new LinkedHashSet<>(preferences.languages());
            if (segments.isEmpty()) {
                taste.engaged.forEach(e -> {
                    Podcast p = podcasts.get(e.podcastId());
                    if (p != null) {
                        segments.add(Segments.of(p.language()));
                    }
                });
            }
            return segments;
        }

        public boolean knowsNothing() {
            return taste.isEmpty() && !preferences.hasInterests();
        }
    }
}

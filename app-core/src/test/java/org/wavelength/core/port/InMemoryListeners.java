package org.wavelength.core.port;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.Preferences;

/** Test doubles of the listener-side ports: interactions and preferences in memory. */
public final class InMemoryListeners implements InteractionStore, PreferenceStore {

    /** What "popular" counts: a play, progress, completion or like. */
    public static final Set<Interaction.Type> ENGAGEMENT = Set.of(Interaction.Type.PLAY, Interaction.Type.PROGRESS,
            Interaction.Type.COMPLETE, Interaction.Type.LIKE);

    public final List<Interaction> interactions = new ArrayList<>();
    public final Map<Long, Preferences> preferences = new HashMap<>();

    @Override
    public void record(Interaction interaction) {
        interactions.add(interaction);
    }

    @Override
    public List<Interaction> recent(long userId, int limit) {
        return recent(List.of(userId), limit);
    }

    @Override
    public List<Interaction> recent(Collection<Long> userIds, int limitEach) {
        return userIds.stream().distinct().flatMap(u -> newestFirst().stream().filter(i -> i.userId() == u).limit(limitEach))
                .toList();
    }

    private List<Interaction> newestFirst() {
        List<Interaction> all = new ArrayList<>(interactions);
        java.util.Collections.reverse(all); // same instant: the later record is newer
        all.sort(Comparator.comparing(Interaction::at).reversed());
        return all;
    }

    @Override
    public List<Long> popularEpisodes(Instant since, int limit) {
        Map<Long, Set<Long>> listeners = new HashMap<>();
        interactions.stream().filter(i -> i.episodeId() != null && ENGAGEMENT.contains(i.type()) && i.at().isAfter(since))
                .forEach(i -> listeners.computeIfAbsent(i.episodeId(), e -> new HashSet<>()).add(i.userId()));
        return listeners.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, Set<Long>>>comparingInt(e -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public List<Long> users() {
        return interactions.stream().map(Interaction::userId).distinct().toList();
    }

    @Override
    public Preferences preferences(long userId) {
        return preferences.getOrDefault(userId, Preferences.NONE);
    }

    @Override
    public void save(long userId, Preferences value) {
        preferences.put(userId, value);
    }

    @Override
    public List<Long> usersWithInterests() {
        return preferences.entrySet().stream().filter(e -> e.getValue().hasInterests()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }
}

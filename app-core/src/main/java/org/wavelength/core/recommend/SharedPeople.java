package org.wavelength.core.recommend;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wavelength.core.domain.Credit;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.port.CatalogueStore;

/**
 * "More with <person>": a person an episode shares with another, both pages showing them. Only
 * across podcasts: within one show the shared person is nearly always its host, which says nothing.
 */
final class SharedPeople {

    private SharedPeople() {
    }

    /**
     * For each candidate, the first person it credits (in its feed's order) whom one of the seeds of
     * another podcast also credits; candidates without one are left out.
     */
    static Map<Long, Credit> across(CatalogueStore catalogue, Collection<Episode> seeds, Collection<Episode> candidates) {
        if (seeds.isEmpty() || candidates.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Credit>> credits = catalogue.episodeCredits(
                Stream.concat(seeds.stream(), candidates.stream()).map(Episode::id).distinct().toList());
        Map<Long, Credit> shared = new HashMap<>();
        for (Episode candidate : candidates) {
            Set<Long> people = seeds.stream().filter(seed -> seed.podcastId() != candidate.podcastId())
                    .flatMap(seed -> credits.getOrDefault(seed.id(), List.of()).stream()).map(Credit::personId)
                    .collect(Collectors.toSet());
            credits.getOrDefault(candidate.id(), List.of()).stream().filter(c -> people.contains(c.personId())).findFirst()
                    .ifPresent(credit -> shared.put(candidate.id(), credit));
        }
        return shared;
    }
}

package org.wavelength.core.browse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Appearance;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Person;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.PeopleStore;

/** The hosts, guests and authors the feeds credit: found by name, each with the podcasts and episodes they are in. */
public class People {

    static final int MAX_NAME_LENGTH = 300;

    /** A person and where they appear, each item once with every role it credits them in. */
    public record Profile(Person person, List<Credited<Podcast>> podcasts, List<Credited<EpisodeItem>> episodes) {
    }

    /** @param roles as the feed gives them ("host", "guest", "author"), in its order */
    public record Credited<T>(T item, List<String> roles) {
    }

    private final PeopleStore store;
    private final CatalogueStore catalogue;

    public People(PeopleStore store, CatalogueStore catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    /**
     * The person's podcasts, and their newest episodes (at most {@code episodes}).
     *
     * @throws UnknownItemException when there is no such person
     */
    public Profile person(long id, int episodes) {
        Person person = store.person(id).orElseThrow(() -> new UnknownItemException("person", id));
        List<Appearance> onPodcasts = store.podcastsOf(id);
        List<Appearance> onEpisodes = store.episodesOf(id, Directory.checked(episodes));
        Map<Long, Podcast> podcasts = catalogue.podcasts(onPodcasts.stream().map(Appearance::itemId).distinct().toList())
                .stream().collect(Collectors.toMap(Podcast::id, Function.identity()));
        Map<Long, EpisodeItem> items = catalogue.episodeItems(onEpisodes.stream().map(Appearance::itemId).distinct().toList())
                .stream().collect(Collectors.toMap(item -> item.episode().id(), Function.identity()));
        return new Profile(person, credited(onPodcasts, podcasts), credited(onEpisodes, items));
    }

    /**
     * People whose name contains these words, accents and case aside ("zoe" finds "Zoë Wang"); the
     * whole name first, then names that start with it.
     *
     * @throws InvalidInputException when the name is blank or too long to be one
     */
    public List<Person> search(String name, int limit) {
        String key = Person.key(name);
        if (key.isEmpty()) {
            throw new InvalidInputException("Say whose name to look for: q is missing or blank.");
        }
        if (key.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("A name has at most " + MAX_NAME_LENGTH + " characters; this one has "
                    + key.length() + ".");
        }
        return store.search(key, Directory.checked(limit));
    }

    /** Whether a search would take these words as a name. */
    public static boolean searchable(String name) {
        String key = Person.key(name);
        return !key.isEmpty() && key.length() <= MAX_NAME_LENGTH;
    }

    /** Items in the order of their first appearance, each with its roles; items gone from the catalogue left out. */
    private static <T> List<Credited<T>> credited(List<Appearance> appearances, Map<Long, T> items) {
        Map<Long, List<String>> roles = new LinkedHashMap<>();
        for (Appearance appearance : appearances) {
            List<String> ofItem = roles.computeIfAbsent(appearance.itemId(), id -> new ArrayList<>());
            if (!ofItem.contains(appearance.role())) {
                ofItem.add(appearance.role());
            }
        }
        List<Credited<T>> credited = new ArrayList<>();
        roles.forEach((id, itemRoles) -> {
            T item = items.get(id);
            if (item != null) {
                credited.add(new Credited<>(item, List.copyOf(itemRoles)));
            }
        });
        return credited;
    }
}

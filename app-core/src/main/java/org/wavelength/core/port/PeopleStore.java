package org.wavelength.core.port;

import java.util.List;
import java.util.Optional;
import org.wavelength.core.domain.Appearance;
import org.wavelength.core.domain.Person;

/** The people the feeds credit, and where each appears. */
public interface PeopleStore {

    Optional<Person> person(long id);

    /**
     * People whose name's key ({@link Person#key}) contains this one: the whole name first, then
     * names that start with it, then by name.
     */
    List<Person> search(String key, int limit);

    /** The podcasts that credit the person, by podcast, in the order of their credits. */
    List<Appearance> podcastsOf(long personId);

    /** The episodes that credit the person, newest first (undated ones last). */
    List<Appearance> episodesOf(long personId, int limit);
}

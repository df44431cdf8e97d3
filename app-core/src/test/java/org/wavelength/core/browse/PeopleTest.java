package org.wavelength.core.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Appearance;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Person;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.PeopleStore;

class PeopleTest {

    final Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue();
    final Map<Long, Person> persons = Map.of(1L, new Person(1, "Zoë Wang", null, null),
            2L, new Person(2, "Inès Duarte", null, null), 3L, new Person(3, "Wang Lei", null, null));
    final List<String> searched = new ArrayList<>();

    /** Appearances of person 1; the store's own order is the one kept. */
    final PeopleStore store = new PeopleStore() {
        @Override
        public Optional<Person> person(long id) {
            return Optional.ofNullable(persons.get(id));
        }

        @Override
        public List<Person> search(String key, int limit) {
            searched.add(key);
            return persons.values().stream().filter(p -> Person.key(p.name()).contains(key))
                    .sorted(Comparator.comparing(Person::name)).limit(limit).toList();
        }

        @Override
        public List<Appearance> podcastsOf(long personId) {
            return personId != 1 ? List.of() : List.of(new Appearance(10, "host", "cast"),
                    new Appearance(10, "author", "cast"), new Appearance(10, "host", "cast"), new Appearance(20, "guest", "cast"),
                    new Appearance(99, "guest", "cast"));
        }

        @Override
        public List<Appearance> episodesOf(long personId, int limit) {
            return personId != 1 ? List.of() : List.of(new Appearance(201, "guest", "cast"), new Appearance(101, "host", "cast"))
                    .subList(0, Math.min(limit, 2));
        }
    };
    final People people = new People(store, catalogue);

    @Test
    void aPersonsPageListsEachPodcastAndEpisodeOnceWithItsRoles() {
        catalogue.with(Fixtures.podcast(10, "Open Shelves"), Fixtures.podcast(20, "Paper Trail"))
                .with(Fixtures.episode(101, 10, "The shelf"), Fixtures.episode(201, 20, "Rag paper"));

        People.Profile profile = people.person(1, 10);

        assertThat(profile.person().name()).isEqualTo("Zoë Wang");
        assertThat(profile.podcasts()).extracting(c -> c.item().title() + ": " + c.roles())
                .as("a podcast gone from the catalogue is left out").containsExactly("Open Shelves: [host, author]",
                        "Paper Trail: [guest]");
        assertThat(profile.episodes()).extracting(c -> c.item().episode().title() + " of " + c.item().podcast().title())
                .containsExactly("Rag paper of Paper Trail", "The shelf of Open Shelves");
        assertThat(people.person(1, 1).episodes()).hasSize(1);
    }

    @Test
    void anUnknownPersonIsNotFound() {
        assertThatThrownBy(() -> people.person(404, 10)).isInstanceOf(UnknownItemException.class)
                .hasMessage("There is no person with id 404.");
    }

    @Test
    void aSearchComparesNamesWithoutAccentsOrCase() {
        assertThat(people.search("  ZOE  ", 10)).extracting(Person::name).containsExactly("Zoë Wang");
        assertThat(people.search("wang", 10)).extracting(Person::name).containsExactly("Wang Lei", "Zoë Wang");
        assertThat(searched).containsExactly("zoe", "wang");
    }

    @Test
    void aBlankOrOverlongNameIsRefused() {
        assertThatThrownBy(() -> people.search(" ", 10)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Say whose name to look for: q is missing or blank.");
        assertThatThrownBy(() -> people.search("a".repeat(301), 10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> people.search("zoe", 0)).isInstanceOf(InvalidInputException.class);
        assertThat(People.searchable("Zoë")).isTrue();
        assertThat(People.searchable("  ")).isFalse();
    }

    @Test
    void theKeyOfANameIsItsLettersWithoutAccentsInLowerCase() {
        assertThat(Person.key(" Zoë\tWANG ")).isEqualTo("zoe wang");
        assertThat(Person.key("Inès Duarte")).isEqualTo(Person.key("ines duarte"));
        assertThat(Person.key("林晓")).isEqualTo("林晓");
        assertThat(Person.key("ﬁona")).as("compatibility forms too").isEqualTo("fiona");
    }
}

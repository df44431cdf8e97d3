package org.wavelength.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Credit;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Person;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.FeedStore;
import org.wavelength.core.port.PeopleStore;

/** Who a feed credits, in the person tables: on ingest, on a re-ingest that changes them, and by the V6.1 backfill. */
@QuarkusTest
class PersonCreditsTest {

    @Inject
    CatalogueStore catalogue;

    @Inject
    FeedStore feeds;

    @Inject
    PeopleStore people;

    @Inject
    EntityManager entities;

    @Inject
    AgroalDataSource dataSource;

    /** A name no other test uses, with an accent to fold. */
    static String unique(String name) {
        return name + " Ñ" + System.nanoTime();
    }

    static FeedContent feed(String author, List<FeedContent.Person> hosts, List<FeedContent.Person> guests) {
        FeedContent.Show show = new FeedContent.Show(null, null, null, false, null, null, false, List.of(), hosts, Map.of(),
                List.of());
        FeedContent.Item item = new FeedContent.Item("credits-1", "One", null, null, null, List.of(),
                Instant.parse("2024-01-01T00:00:00Z"), 600, null, null, null, null, null, null, List.of(), null, guests);
        return new FeedContent("Credits", author, null, "en", List.of(), null, null, false, show, List.of(item));
    }

    static FeedContent.Person person(String name, String role, String image) {
        return new FeedContent.Person(name, role, "cast", image, null);
    }

    long newFeed() {
        return feeds.register("https://credits.example/" + System.nanoTime() + ".xml").feed().id();
    }

    @Test
    void aFeedsPeopleAreCreditedOnItsShowAndEpisodesOncePerNameAndRole() {
        String host = unique("Zoë Host");
        String guest = unique("Guest");
        var stored = catalogue.store(newFeed(), feed(host.toUpperCase(), List.of(person(host, "host", null),
                person(host, "host", "https://img.example/zoe.jpg")), List.of(person(guest, "guest", null))));
        long podcast = stored.podcast().id();
        long episode = stored.changedEpisodes().get(0).id();

        assertThat(catalogue.podcastCredits(podcast)).extracting(Credit::name, Credit::role)
                .as("the author is the host, whatever the case; the repeated host once")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(host, "host"));
        assertThat(catalogue.episodeCredits(List.of(episode)).get(episode)).extracting(Credit::name).containsExactly(guest);
        Person zoe = people.search(Person.key(host), 5).get(0);
        assertThat(zoe.imageUrl()).as("filled in by the second mention").isEqualTo("https://img.example/zoe.jpg");
    }

    @Test
    void aChangedFeedReplacesItsCreditsAndThePersonStaysOne() {
        String host = unique("Host");
        String other = unique("Other host");
        long feedId = newFeed();
        long podcast = catalogue.store(feedId, feed(null, List.of(person(host, "host", null)), List.of())).podcast().id();
        var again = catalogue.store(feedId, feed("An Author " + host, List.of(person(other, "host", null)),
                List.of(person(host, "guest", null))));

        assertThat(catalogue.podcastCredits(podcast)).extracting(Credit::name, Credit::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple(other, "host"),
                org.assertj.core.groups.Tuple.tuple("An Author " + host, "author"));
        long episode = again.changedEpisodes().get(0).id();
        assertThat(catalogue.episodeCredits(List.of(episode)).get(episode)).extracting(Credit::name).containsExactly(host);
        assertThat(people.search(Person.key(host), 5)).extracting(Person::name).contains(host).hasSize(2);
        long hostId = people.search(Person.key(host), 5).stream().filter(p -> p.name().equals(host)).findFirst()
                .orElseThrow().id();
        assertThat(people.podcastsOf(hostId)).isEmpty();
        assertThat(people.episodesOf(hostId, 10)).extracting(a -> a.itemId()).containsExactly(episode);
    }

    /** What was stored before V6 kept its people in persons_json alone: the migration credits them from it. */
    @Test
    void theBackfillCreditsWhatWasStoredBeforeFromTheFeedsLists() throws Exception {
        String host = unique("Backfilled host");
        String guest = unique("Backfilled guest");
        var stored = catalogue.store(newFeed(), feed("Author " + host, List.of(person(host, "host", null)),
                List.of(person(guest, "guest", null))));
        long podcast = stored.podcast().id();
        long episode = stored.changedEpisodes().get(0).id();
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("delete from podcast_person where podcast_id = :id").setParameter("id", podcast)
                    .executeUpdate();
            entities.createNativeQuery("delete from episode_person where episode_id = :id").setParameter("id", episode)
                    .executeUpdate();
        });
        assertThat(catalogue.podcastCredits(podcast)).isEmpty();

        try (Connection connection = dataSource.getConnection()) {
            new PeopleBackfillMigration().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertThat(catalogue.podcastCredits(podcast)).extracting(Credit::name).containsExactly(host, "Author " + host);
        assertThat(catalogue.episodeCredits(List.of(episode)).get(episode)).extracting(Credit::name).containsExactly(guest);
    }
}

package org.wavelength.web.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Person;

/**
 * Writes who a feed credits into {@code person}, {@code podcast_person} and {@code episode_person},
 * on a JDBC connection: the catalogue's store calls it inside its transaction, and the V6_1 migration
 * with what was stored before. A person is found by {@link Person#key}, and created at most once even
 * when two feeds name them at the same moment.
 */
final class PersonCredits {

    /** Whoever the show's itunes:author names, credited beside its podcast:person list. */
    static final String AUTHOR = "author";

    private final Connection connection;
    /** Ids by key, for the many credits of one feed that name the same few people. */
    private final Map<String, Long> ids = new HashMap<>();

    PersonCredits(Connection connection) {
        this.connection = connection;
    }

    /** The show's people, then its author unless already among them; replaces what the podcast had. */
    void replacePodcastCredits(long podcastId, List<FeedContent.Person> persons, String author) throws SQLException {
        List<FeedContent.Person> credits = new ArrayList<>(persons);
        if (author != null && persons.stream().noneMatch(p -> Person.key(p.name()).equals(Person.key(author)))) {
            credits.add(new FeedContent.Person(author, AUTHOR, "cast", null, null));
        }
        replace("podcast_person", "podcast_id", podcastId, credits);
    }

    void replaceEpisodeCredits(long episodeId, List<FeedContent.Person> persons) throws SQLException {
        replace("episode_person", "episode_id", episodeId, persons);
    }

    private void replace(String table, String column, long id, List<FeedContent.Person> persons) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where " + column + " = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        Set<String> credited = new HashSet<>();
        int position = 0;
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (" + column
                + ", position, person_id, role, credit_group) values (?, ?, ?, ?, ?)")) {
            for (FeedContent.Person person : persons) {
                Long personId = personId(person);
                String role = Columns.fit(person.role(), 100);
                // Feeds repeat a person with each of their links; one credit per role is enough.
                if (personId != null && credited.add(personId + " " + role)) {
                    insert.setLong(1, id);
                    insert.setInt(2, position++);
                    insert.setLong(3, personId);
                    insert.setString(4, role);
                    insert.setString(5, Columns.fit(person.group(), 100));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The person of this name, created when new; their picture and page filled in when first given. Null for no name. */
    private Long personId(FeedContent.Person person) throws SQLException {
        String name = Columns.fit(person.name() == null ? "" : person.name().strip(), 300);
        String key = Columns.fit(Person.key(name), 300);
        if (key.isEmpty()) {
            return null;
        }
        String imageUrl = Columns.fit(person.imageUrl(), 2048);
        String href = Columns.fit(person.href(), 2048);
        Long known = ids.get(key);
        if (known != null && imageUrl == null && href == null) {
            return known;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into person (id, name, name_key, image_url, href) values (nextval('person_seq'), ?, ?, ?, ?)"
                        + " on conflict do nothing")) {
            insert.setString(1, name);
            insert.setString(2, key);
            insert.setString(3, imageUrl);
            insert.setString(4, href);
            insert.executeUpdate();
        }
        if (imageUrl != null || href != null) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update person set image_url = coalesce(image_url, ?), href = coalesce(href, ?) where name_key = ?")) {
                update.setString(1, imageUrl);
                update.setString(2, href);
                update.setString(3, key);
                update.executeUpdate();
            }
        }
        if (known == null) {
            try (PreparedStatement select = connection.prepareStatement("select id from person where name_key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    known = row.getLong(1);
                }
            }
            ids.put(key, known);
        }
        return known;
    }
}

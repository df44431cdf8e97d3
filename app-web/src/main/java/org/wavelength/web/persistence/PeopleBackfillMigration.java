package org.wavelength.web.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.wavelength.core.domain.FeedContent;

/**
 * Migration 6.1: the people of the podcasts and episodes stored before V6, from the feed's own lists
 * they kept as JSON ({@code persons_json}) and the show's author. Java, because reading JSON is not
 * SQL that H2 and PostgreSQL share. Episodes stored from now on are credited by the catalogue's store.
 */
public class PeopleBackfillMigration implements JavaMigration {

    private static final TypeReference<List<FeedContent.Person>> PERSONS = new TypeReference<>() { };

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6.1");
    }

    @Override
    public String getDescription() {
        return "people from the feeds' lists";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        PersonCredits credits = new PersonCredits(connection);
        for (Map.Entry<Long, String[]> podcast : read(connection, "select id, persons_json, author from podcast").entrySet()) {
            credits.replacePodcastCredits(podcast.getKey(), persons(podcast.getValue()[0]), podcast.getValue()[1]);
        }
        for (Map.Entry<Long, String[]> episode : read(connection,
                "select id, persons_json, null from episode where persons_json is not null").entrySet()) {
            credits.replaceEpisodeCredits(episode.getKey(), persons(episode.getValue()[0]));
        }
    }

    /** Rows by id, read whole before anything is written on the same connection. */
    private static Map<Long, String[]> read(Connection connection, String query) throws SQLException {
        Map<Long, String[]> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.put(result.getLong(1), new String[] {result.getString(2), result.getString(3)});
            }
        }
        return rows;
    }

    private static List<FeedContent.Person> persons(String json) {
        return JsonColumns.read(json, PERSONS);
    }
}

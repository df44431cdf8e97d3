package org.wavelength.web.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wavelength.core.domain.CategoryCount;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.LanguageCount;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.DirectoryFilter;
import org.wavelength.core.port.DirectoryStore;

/**
 * The directory's reads in SQL that H2 and PostgreSQL both run. A language segment is every
 * spelling of it that podcasts use ("en", "en-us", "EN-GB"), found by the same {@link Segments#of}
 * the index uses.
 */
@ApplicationScoped
public class JpaDirectoryStore implements DirectoryStore {

    /** Episodes read at a time while looking for the newest few of each podcast. */
    static final int NEWEST_BATCH = 200;

    private final EntityManager entities;

    public JpaDirectoryStore(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    @Transactional
    public List<CategoryCount> categories() {
        List<Object[]> rows = rows(entities.createNativeQuery(
                "select c.name, c.parent, count(distinct c.podcast_id) from podcast_category c group by c.name, c.parent"));
        return rows.stream().map(row -> new CategoryCount((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    @Override
    @Transactional
    public List<LanguageCount> languages() {
        Map<String, Long> bySegment = new HashMap<>();
        for (Object[] row : rows(entities.createNativeQuery("select p.language, count(*) from podcast p group by p.language"))) {
            bySegment.merge(Segments.of((String) row[0]), ((Number) row[1]).longValue(), Long::sum);
        }
        return bySegment.entrySet().stream().map(e -> new LanguageCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(LanguageCount::podcasts).reversed().thenComparing(LanguageCount::code))
                .toList();
    }

    @Override
    @Transactional
    public List<Long> podcasts(DirectoryFilter filter, Instant since, int limit) {
        Where where = where(filter);
        Query query = entities.createNativeQuery("""
                select p.id,
                    (select count(distinct i.user_id) from interaction i where i.podcast_id = p.id and i.episode_id is not null
                        and i.occurred_at >= :since and i.type in (:types)) as listeners,
                    (select count(*) from episode e where e.podcast_id = p.id) as episodes
                from podcast p where %s
                order by listeners desc, episodes desc, lower(p.title), p.id""".formatted(where.sql()))
                .setParameter("since", since)
                .setParameter("types", engagement())
                .setMaxResults(limit);
        return rows(where.bind(query)).stream().map(row -> ((Number) row[0]).longValue()).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Long> popularEpisodes(DirectoryFilter filter, Instant since, int limit) {
        Where where = where(filter);
        Query query = entities.createNativeQuery("""
                select i.episode_id from interaction i join podcast p on p.id = i.podcast_id
                where i.episode_id is not null and i.occurred_at >= :since and i.type in (:types) and %s
                group by i.episode_id
                order by count(distinct i.user_id) desc, max(i.occurred_at) desc, i.episode_id""".formatted(where.sql()))
                .setParameter("since", since)
                .setParameter("types", engagement())
                .setMaxResults(limit);
        List<Number> ids = where.bind(query).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Reads the newest episodes a batch at a time, keeping {@code perPodcast} of each, until the list is
     * full or the episodes run out: exact without numbering every episode of the language.
     */
    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Episode> newestEpisodes(DirectoryFilter filter, int perPodcast, int limit) {
        Where where = where(filter);
        Query query = where.bind(entities.createNativeQuery("""
                select e.* from episode e
                where e.published_at is not null and e.gone_from_feed_at is null
                  and e.podcast_id in (select p.id from podcast p where %s)
                order by e.published_at desc, e.id desc""".formatted(where.sql()), EpisodeEntity.class));
        List<Episode> newest = new ArrayList<>();
        Map<Long, Integer> taken = new HashMap<>();
        for (int offset = 0; newest.size() < limit; offset += NEWEST_BATCH) {
            List<EpisodeEntity> batch = query.setFirstResult(offset).setMaxResults(NEWEST_BATCH).getResultList();
            for (EpisodeEntity episode : batch) {
                if (newest.size() < limit && taken.merge(episode.podcastId, 1, Integer::sum) <= perPodcast) {
                    newest.add(episode.toDomain());
                }
            }
            if (batch.size() < NEWEST_BATCH) {
                break;
            }
        }
        return newest;
    }

    /** A condition on the podcast {@code p}, and its parameters. */
    private record Where(String sql, Map<String, Object> parameters) {

        Query bind(Query query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    private Where where(DirectoryFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.segment() != null) {
            List<String> spellings = spellings(filter.segment());
            String listed = spellings.isEmpty() ? "1 = 0" : "p.language in (:languages)";
            if (!spellings.isEmpty()) {
                parameters.put("languages", spellings);
            }
            conditions.add(filter.segment().equals(Segments.UNDETERMINED) ? "(p.language is null or " + listed + ")" : listed);
        }
        if (filter.category() != null) {
            conditions.add("exists (select 1 from podcast_category c where c.podcast_id = p.id and lower(c.name) = :category)");
            parameters.put("category", filter.category().toLowerCase(Locale.ROOT));
        }
        return new Where(String.join(" and ", conditions), parameters);
    }

    /** The ways podcasts write the languages of this segment. */
    @SuppressWarnings("unchecked")
    private List<String> spellings(String segment) {
        List<String> languages = entities.createNativeQuery("select distinct p.language from podcast p where p.language is not null")
                .getResultList();
        return languages.stream().filter(language -> Segments.of(language).equals(segment)).toList();
    }

    private static List<String> engagement() {
        return JpaInteractionStore.ENGAGEMENT.stream().map(Enum::name).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}

package org.wavelength.web.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.wavelength.core.domain.Appearance;
import org.wavelength.core.domain.Person;
import org.wavelength.core.port.PeopleStore;

/** People and their credits, as {@link PersonCredits} writes them. */
@ApplicationScoped
public class JpaPeopleStore implements PeopleStore {

    private final EntityManager entities;

    public JpaPeopleStore(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    @Transactional
    public Optional<Person> person(long id) {
        return persons(entities.createNativeQuery("select id, name, image_url, href from person where id = :id")
                .setParameter("id", id).getResultList()).stream().findFirst();
    }

    @Override
    @Transactional
    public List<Person> search(String key, int limit) {
        String escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return persons(entities.createNativeQuery("""
                select id, name, image_url, href from person
                where name_key like :anywhere escape '\\'
                order by case when name_key = :key then 0 when name_key like :start escape '\\' then 1 else 2 end, name_key, id""")
                .setParameter("anywhere", "%" + escaped + "%")
                .setParameter("start", escaped + "%")
                .setParameter("key", key)
                .setMaxResults(limit).getResultList());
    }

    @Override
    @Transactional
    public List<Appearance> podcastsOf(long personId) {
        return appearances(entities.createNativeQuery("""
                select podcast_id, role, credit_group from podcast_person where person_id = :person
                order by podcast_id, position""").setParameter("person", personId).getResultList());
    }

    @Override
    @Transactional
    public List<Appearance> episodesOf(long personId, int limit) {
        return appearances(entities.createNativeQuery("""
                select c.episode_id, c.role, c.credit_group from episode_person c join episode e on e.id = c.episode_id
                where c.person_id = :person
                order by case when e.published_at is null then 1 else 0 end, e.published_at desc, e.id desc, c.position""")
                .setParameter("person", personId).setMaxResults(limit).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<Person> persons(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(row -> new Person(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (String) row[3])).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Appearance> appearances(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(row -> new Appearance(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2])).toList();
    }
}

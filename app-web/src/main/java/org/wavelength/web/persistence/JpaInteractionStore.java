package org.wavelength.web.persistence;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.port.InteractionStore;

@ApplicationScoped
public class JpaInteractionStore implements InteractionStore {

    /** The signals that say someone listened to or liked an episode; what "popular" counts. */
    static final Set<Interaction.Type> ENGAGEMENT = Set.of(Interaction.Type.PLAY, Interaction.Type.PROGRESS,
            Interaction.Type.COMPLETE, Interaction.Type.LIKE);

    @Override
    @Transactional
    public void record(Interaction interaction) {
        InteractionEntity entity = new InteractionEntity();
        entity.userId = interaction.userId();
        entity.podcastId = interaction.podcastId();
        entity.episodeId = interaction.episodeId();
        entity.type = interaction.type();
        entity.positionSeconds = interaction.positionSeconds();
        entity.occurredAt = interaction.at();
        entity.persist();
    }

    @Override
    @Transactional
    public List<Interaction> recent(long userId, int limit) {
        return InteractionEntity.<InteractionEntity>find("userId", Sort.descending("occurredAt").and("id", Sort.Direction.Descending), userId)
                .page(0, limit).list().stream().map(InteractionEntity::toDomain).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Interaction> recent(Collection<Long> userIds, int limitEach) {
        if (userIds.isEmpty() || limitEach <= 0) {
            return List.of();
        }
        // Numbered per user in the database, so that one busy listener does not crowd out the others.
        List<InteractionEntity> rows = InteractionEntity.getEntityManager().createNativeQuery("""
                select id, user_id, podcast_id, episode_id, type, position_seconds, occurred_at from (
                    select i.*, row_number() over (partition by i.user_id order by i.occurred_at desc, i.id desc) as rank_in_user
                    from interaction i where i.user_id in (:users)
                ) ranked
                where rank_in_user <= :limitEach
                order by user_id, occurred_at desc, id desc""", InteractionEntity.class)
                .setParameter("users", userIds)
                .setParameter("limitEach", limitEach)
                .getResultList();
        return rows.stream().map(InteractionEntity::toDomain).toList();
    }

    @Override
    @Transactional
    public List<Long> popularEpisodes(Instant since, int limit) {
        return InteractionEntity.getEntityManager().createQuery("""
                select i.episodeId from InteractionEntity i
                where i.episodeId is not null and i.occurredAt >= :since and i.type in :types
                group by i.episodeId
                order by count(distinct i.userId) desc, max(i.occurredAt) desc, i.episodeId""", Long.class)
                .setParameter("since", since)
                .setParameter("types", ENGAGEMENT)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    @Transactional
    public List<Long> users() {
        return InteractionEntity.getEntityManager()
                .createQuery("select distinct i.userId from InteractionEntity i order by i.userId", Long.class)
                .getResultList();
    }
}

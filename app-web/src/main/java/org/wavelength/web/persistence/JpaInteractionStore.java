package org.wavelength.web.persistence;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.port.InteractionStore;

@ApplicationScoped
public class JpaInteractionStore implements InteractionStore {

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
}

package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.wavelength.core.domain.Interaction;

@Entity
@Table(name = "interaction")
public class InteractionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interaction_seq")
    @SequenceGenerator(name = "interaction_seq", sequenceName = "interaction_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id")
    public long userId;

    @Column(name = "podcast_id")
    public Long podcastId;

    @Column(name = "episode_id")
    public Long episodeId;

    @Enumerated(EnumType.STRING)
    public Interaction.Type type;

    @Column(name = "position_seconds")
    public Integer positionSeconds;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    Interaction toDomain() {
        return new Interaction(userId, podcastId, episodeId, type, positionSeconds, occurredAt);
    }
}

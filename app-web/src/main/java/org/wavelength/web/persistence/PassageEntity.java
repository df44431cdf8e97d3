package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.wavelength.core.domain.Passage;

@Entity
@Table(name = "passage")
public class PassageEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "passage_seq")
    @SequenceGenerator(name = "passage_seq", sequenceName = "passage_seq", allocationSize = 50)
    public Long id;

    @Column(name = "episode_id")
    public long episodeId;

    public int position;

    @Column(name = "start_seconds")
    public double start;

    @Column(name = "end_seconds")
    public double end;

    public String speaker;
    public String text;

    Passage toDomain() {
        return new Passage(id, episodeId, position, start, end, speaker, text);
    }
}

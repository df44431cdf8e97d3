package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.wavelength.core.domain.TranscriptSegment;

@Entity
@Table(name = "transcript_segment")
public class TranscriptSegmentEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "start_seconds")
    public double start;

    @Column(name = "end_seconds")
    public double end;

    public String speaker;
    public String text;

    @Embeddable
    public record Key(@Column(name = "episode_id") long episodeId, int position) implements Serializable {
    }

    TranscriptSegment toDomain() {
        return new TranscriptSegment(start, end, speaker, text);
    }
}

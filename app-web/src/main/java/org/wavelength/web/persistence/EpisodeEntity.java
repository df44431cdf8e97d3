package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.wavelength.core.domain.Episode;

@Entity
@Table(name = "episode")
public class EpisodeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "episode_seq")
    @SequenceGenerator(name = "episode_seq", sequenceName = "episode_seq", allocationSize = 50)
    public Long id;

    @Column(name = "podcast_id")
    public long podcastId;

    public String guid;
    public String title;
    public String description;

    @Column(name = "audio_url")
    public String audioUrl;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    public String link;

    @Column(name = "gone_from_feed_at")
    public Instant goneFromFeedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "description_html")
    public String descriptionHtml;

    @Column(name = "image_url")
    public String imageUrl;

    public Boolean explicit;
    public Integer season;

    @Column(name = "episode_number")
    public Integer episodeNumber;

    @Column(name = "episode_type")
    public String episodeType;

    @Column(name = "enclosures_json")
    public String enclosuresJson;

    @Column(name = "persons_json")
    public String personsJson;

    @Column(name = "transcripts_json")
    public String transcriptsJson;

    @Column(name = "chapters_url")
    public String chaptersUrl;

    @Column(name = "chapters_json")
    public String chaptersJson;

    @Column(name = "transcript_url")
    public String transcriptUrl;

    @Column(name = "transcript_error")
    public String transcriptError;

    Episode toDomain() {
        return new Episode(id, podcastId, guid, title, description, audioUrl, publishedAt, durationSeconds, link,
                imageUrl, season, episodeNumber, episodeType, goneFromFeedAt);
    }
}

package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.List;

/** An episode action exactly as a podcast app uploaded it, kept once (user and {@link #dedupeKey}). */
@Entity
@Table(name = "sync_episode_action")
public class SyncEpisodeActionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_episode_action_seq")
    @SequenceGenerator(name = "sync_episode_action_seq", sequenceName = "sync_episode_action_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id")
    public long userId;

    /** SHA-256 of podcast, episode, action, timestamp and device: the same action uploaded twice is one. */
    @Column(name = "dedupe_key")
    public String dedupeKey;

    @Column(name = "podcast_url")
    public String podcastUrl;

    @Column(name = "episode_url")
    public String episodeUrl;

    public String guid;

    @Column(name = "device_id")
    public String deviceId;

    public String action;

    @Column(name = "action_at")
    public long actionAt;

    public Integer started;

    @Column(name = "position_seconds")
    public Integer position;

    public Integer total;

    @Column(name = "uploaded_at")
    public long uploadedAt;

    public static List<String> existingKeys(long userId, Collection<String> keys) {
        return getEntityManager().createQuery("select a.dedupeKey from SyncEpisodeActionEntity a"
                + " where a.userId = ?1 and a.dedupeKey in ?2", String.class)
                .setParameter(1, userId).setParameter(2, keys).getResultList();
    }

    public static List<SyncEpisodeActionEntity> since(long userId, long since, String podcastUrl, String deviceId) {
        StringBuilder query = new StringBuilder("userId = :user and uploadedAt >= :since");
        var params = new java.util.HashMap<String, Object>();
        params.put("user", userId);
        params.put("since", since);
        if (podcastUrl != null) {
            query.append(" and podcastUrl = :podcast");
            params.put("podcast", podcastUrl);
        }
        if (deviceId != null) {
            query.append(" and deviceId = :device");
            params.put("device", deviceId);
        }
        return list(query.append(" order by actionAt, id").toString(), params);
    }
}

package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/**
 * One feed URL on one device, subscribed or not since {@link #changedAt} (seconds); {@link #recorded} once the
 * listener's SUBSCRIBE or UNSUBSCRIBE of its podcast is stored (a feed not ingested yet has no podcast).
 */
@Entity
@Table(name = "sync_subscription")
public class SyncSubscriptionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_subscription_seq")
    @SequenceGenerator(name = "sync_subscription_seq", sequenceName = "sync_subscription_seq", allocationSize = 50)
    public Long id;

    @Column(name = "device_pk")
    public long devicePk;

    public String url;

    /** The URL's SHA-256: URLs can be longer than an index allows. */
    @Column(name = "url_key")
    public String urlKey;

    public boolean subscribed;

    @Column(name = "changed_at")
    public long changedAt;

    @Column(name = "feed_id")
    public Long feedId;

    public boolean recorded;

    public static Optional<SyncSubscriptionEntity> of(long devicePk, String urlKey) {
        return find("devicePk = ?1 and urlKey = ?2", devicePk, urlKey).firstResultOptional();
    }

    public static List<SyncSubscriptionEntity> changedSince(long devicePk, long since) {
        return list("devicePk = ?1 and changedAt >= ?2 order by changedAt, id", devicePk, since);
    }

    public static List<SyncSubscriptionEntity> current(List<Long> devicePks) {
        return devicePks.isEmpty() ? List.of() : list("devicePk in ?1 and subscribed = true order by id", devicePks);
    }

    public static long countCurrent(long devicePk) {
        return count("devicePk = ?1 and subscribed = true", devicePk);
    }

    public static List<SyncSubscriptionEntity> unrecorded(List<Long> devicePks) {
        return devicePks.isEmpty() ? List.of() : list("devicePk in ?1 and recorded = false and feedId is not null", devicePks);
    }
}

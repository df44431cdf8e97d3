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

/** A listener's podcast app as gpodder sync knows it: its id (chosen by the app), caption and type. */
@Entity
@Table(name = "sync_device")
public class SyncDeviceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_device_seq")
    @SequenceGenerator(name = "sync_device_seq", sequenceName = "sync_device_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id")
    public long userId;

    @Column(name = "device_id")
    public String deviceId;

    public String caption;

    @Column(name = "device_type")
    public String type;

    public static Optional<SyncDeviceEntity> of(long userId, String deviceId) {
        return find("userId = ?1 and deviceId = ?2", userId, deviceId).firstResultOptional();
    }

    public static List<SyncDeviceEntity> ofUser(long userId) {
        return list("userId = ?1 order by deviceId", userId);
    }
}

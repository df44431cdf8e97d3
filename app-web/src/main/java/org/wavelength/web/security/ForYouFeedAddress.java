package org.wavelength.web.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A listener's "For you" feed address (its token), and when the feed's content last changed. */
@Entity
@Table(name = "for_you_feed")
public class ForYouFeedAddress extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public long userId;

    public String token;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "changed_at")
    public Instant changedAt;
}

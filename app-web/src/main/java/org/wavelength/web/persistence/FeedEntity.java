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
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedStatus;

@Entity
@Table(name = "feed")
public class FeedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feed_seq")
    @SequenceGenerator(name = "feed_seq", sequenceName = "feed_seq", allocationSize = 50)
    public Long id;

    public String url;

    @Enumerated(EnumType.STRING)
    public FeedStatus status;

    public String title;

    @Column(name = "podcast_id")
    public Long podcastId;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_fetched_at")
    public Instant lastFetchedAt;

    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "created_at")
    public Instant createdAt;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "items_listed")
    public Integer itemsListed;

    @Column(name = "items_kept")
    public Integer itemsKept;

    Feed toDomain(int episodeCount) {
        return new Feed(id, url, status, title, podcastId, episodeCount, lastError, lastFetchedAt, nextFetchAt,
                consecutiveFailures, etag, lastModified,
                itemsListed == null || itemsKept == null ? null : new Feed.ItemCap(itemsListed, itemsKept));
    }
}

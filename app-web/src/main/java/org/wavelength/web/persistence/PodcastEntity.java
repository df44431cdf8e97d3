package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.domain.Podcast;

@Entity
@Table(name = "podcast")
public class PodcastEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "podcast_seq")
    @SequenceGenerator(name = "podcast_seq", sequenceName = "podcast_seq", allocationSize = 50)
    public Long id;

    @Column(name = "feed_id")
    public long feedId;

    public String title;
    public String author;
    public String description;
    public String language;

    /** Top-level categories first, then subcategories, as the parser lists them. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "podcast_category", joinColumns = @JoinColumn(name = "podcast_id"))
    @OrderColumn(name = "position")
    public List<CategoryColumns> categories = new ArrayList<>();

    /** podcast:podroll, in the feed's order: read only for the podcast's page and its similar podcasts. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "podcast_podroll", joinColumns = @JoinColumn(name = "podcast_id"))
    @OrderColumn(name = "position")
    public List<PodrollColumns> podroll = new ArrayList<>();

    @Column(name = "image_url")
    public String imageUrl;

    public String link;
    public boolean explicit;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "owner_email")
    public String ownerEmail;

    @Column(name = "show_type")
    public String showType;

    public boolean blocked;

    @Column(name = "podcast_guid")
    public String podcastGuid;

    public boolean locked;

    @Column(name = "funding_json")
    public String fundingJson;

    @Column(name = "persons_json")
    public String personsJson;

    Podcast toDomain(String feedUrl, int episodeCount) {
        return new Podcast(id, feedId, feedUrl, title, author, description, language,
                categories.stream().map(c -> c.name).toList(), imageUrl, link, explicit, episodeCount);
    }

    /** A show the makers recommend. */
    @Embeddable
    public static class PodrollColumns {

        @Column(name = "feed_guid")
        public String feedGuid;

        @Column(name = "feed_url")
        public String feedUrl;

        public PodrollColumns() {
        }

        PodrollColumns(String feedGuid, String feedUrl) {
            this.feedGuid = feedGuid;
            this.feedUrl = feedUrl;
        }
    }

    /** A category of the podcast and the category it is nested in (null: top level). */
    @Embeddable
    public static class CategoryColumns {

        public String name;
        public String parent;

        public CategoryColumns() {
        }

        CategoryColumns(String name, String parent) {
            this.name = name;
            this.parent = parent;
        }
    }
}

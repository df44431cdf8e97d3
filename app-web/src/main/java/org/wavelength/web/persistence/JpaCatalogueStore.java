package org.wavelength.web.persistence;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.CatalogueStore;

@ApplicationScoped
public class JpaCatalogueStore implements CatalogueStore {

    @Override
    @Transactional
    public Optional<Podcast> podcast(long id) {
        return PodcastEntity.<PodcastEntity>findByIdOptional(id).map(p -> toDomain(List.of(p)).get(0));
    }

    @Override
    @Transactional
    public Page<Podcast> podcasts(int page, int size) {
        var query = PodcastEntity.<PodcastEntity>findAll(Sort.by("title").and("id")).page(page, size);
        return new Page<>(toDomain(query.list()), page, size, query.count());
    }

    @Override
    @Transactional
    public List<Podcast> podcasts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return toDomain(PodcastEntity.list("id in ?1", ids));
    }

    @Override
    @Transactional
    public List<Episode> episodes(long podcastId, int limit) {
        return EpisodeEntity.<EpisodeEntity>find("podcastId", Sort.descending("publishedAt").and("id", Sort.Direction.Descending), podcastId)
                .page(0, limit).list().stream().map(EpisodeEntity::toDomain).toList();
    }

    @Override
    @Transactional
    public long podcastCount() {
        return PodcastEntity.count();
    }

    @Override
    @Transactional
    public StoredFeed store(long feedId, FeedContent content) {
        Instant now = Instant.now();
        PodcastEntity podcast = PodcastEntity.<PodcastEntity>find("feedId", feedId).firstResultOptional().orElseGet(PodcastEntity::new);
        podcast.feedId = feedId;
        podcast.title = Columns.fit(content.title() == null || content.title().isBlank() ? "Untitled podcast" : content.title(), 1000);
        podcast.author = Columns.fit(content.author(), 1000);
        podcast.description = content.description();
        podcast.language = Columns.fit(content.language(), 35);
        podcast.categories.clear();
        content.categories().stream().map(c -> Columns.fit(c, 200)).forEach(podcast.categories::add);
        podcast.imageUrl = Columns.fit(content.imageUrl(), 2048);
        podcast.link = Columns.fit(content.link(), 2048);
        podcast.explicit = content.explicit();
        podcast.updatedAt = now;
        podcast.persist();

        Map<String, EpisodeEntity> stored = EpisodeEntity.<EpisodeEntity>list("podcastId", podcast.id).stream()
                .collect(Collectors.toMap(e -> e.guid, Function.identity()));
        List<EpisodeEntity> changed = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (FeedContent.Item item : content.items()) {
            String guid = Columns.fitId(item.guid(), 2048);
            if (!listed.add(guid)) {
                continue; // feeds sometimes repeat an item; the first one counts
            }
            EpisodeEntity episode = stored.get(guid);
            if (episode == null) {
                episode = new EpisodeEntity();
                episode.podcastId = podcast.id;
                episode.guid = guid;
            } else if (sameAs(episode, item)) {
                continue;
            }
            episode.title = Columns.fit(item.title() == null || item.title().isBlank() ? "Untitled episode" : item.title(), 1000);
            episode.description = item.description();
            episode.audioUrl = Columns.fit(item.audioUrl(), 2048);
            episode.publishedAt = item.publishedAt();
            episode.durationSeconds = item.durationSeconds();
            episode.link = Columns.fit(item.link(), 2048);
            episode.goneFromFeedAt = null;
            episode.updatedAt = now;
            episode.persist();
            changed.add(episode);
        }
        // Episodes the feed no longer lists are kept (listeners may have them in their history), and marked.
        for (EpisodeEntity episode : stored.values()) {
            if (!listed.contains(episode.guid) && episode.goneFromFeedAt == null) {
                episode.goneFromFeedAt = now;
            } else if (listed.contains(episode.guid) && episode.goneFromFeedAt != null) {
                episode.goneFromFeedAt = null;
            }
        }
        PodcastEntity.flush();
        Podcast saved = toDomain(List.of(podcast)).get(0);
        return new StoredFeed(saved, changed.stream().map(EpisodeEntity::toDomain).toList());
    }

    private static boolean sameAs(EpisodeEntity episode, FeedContent.Item item) {
        return Objects.equals(episode.title, item.title())
                && Objects.equals(episode.description, item.description())
                && Objects.equals(episode.audioUrl, item.audioUrl())
                && Objects.equals(episode.publishedAt, item.publishedAt())
                && Objects.equals(episode.durationSeconds, item.durationSeconds())
                && Objects.equals(episode.link, item.link())
                && episode.goneFromFeedAt == null;
    }

    private static List<Podcast> toDomain(List<PodcastEntity> podcasts) {
        List<Long> ids = podcasts.stream().map(p -> p.id).toList();
        Map<Long, Integer> counts = EpisodeCounts.of(ids);
        Map<Long, String> feedUrls = new HashMap<>();
        Set<Long> feedIds = podcasts.stream().map(p -> p.feedId).collect(Collectors.toSet());
        if (!feedIds.isEmpty()) {
            FeedEntity.<FeedEntity>list("id in ?1", feedIds).forEach(f -> feedUrls.put(f.id, f.url));
        }
        return podcasts.stream()
                .map(p -> p.toDomain(feedUrls.get(p.feedId), counts.getOrDefault(p.id, 0)))
                .toList();
    }
}

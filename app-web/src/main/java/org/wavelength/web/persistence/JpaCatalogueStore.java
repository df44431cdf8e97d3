package org.wavelength.web.persistence;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.type.TypeReference;
import org.hibernate.Session;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.Credit;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeDetails;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.PodrollItem;
import org.wavelength.core.domain.TranscriptSegment;
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
    public List<Episode> episodes(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return EpisodeEntity.<EpisodeEntity>list("id in ?1", Set.copyOf(ids)).stream().map(EpisodeEntity::toDomain).toList();
    }

    @Override
    @Transactional
    public List<Episode> newestEpisodes(Collection<Long> podcastIds, Instant since, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Sort newestFirst = Sort.descending("publishedAt").and("id", Sort.Direction.Descending);
        var query = podcastIds.isEmpty()
                ? EpisodeEntity.<EpisodeEntity>find("publishedAt > ?1 and goneFromFeedAt is null", newestFirst, since)
                : EpisodeEntity.<EpisodeEntity>find("podcastId in ?1 and publishedAt > ?2 and goneFromFeedAt is null",
                        newestFirst, Set.copyOf(podcastIds), since);
        return query.page(0, limit).list().stream().map(EpisodeEntity::toDomain).toList();
    }

    @Override
    @Transactional
    public long podcastCount() {
        return PodcastEntity.count();
    }

    @Override
    @Transactional
    public Optional<EpisodeDetails> episodeDetails(long episodeId) {
        return EpisodeEntity.<EpisodeEntity>findByIdOptional(episodeId).map(e -> {
            List<TranscriptSegment> transcript = TranscriptSegmentEntity.<TranscriptSegmentEntity>list(
                    "key.episodeId", Sort.by("key.position"), episodeId).stream().map(TranscriptSegmentEntity::toDomain).toList();
            return new EpisodeDetails(e.toDomain(), e.descriptionHtml,
                    JsonColumns.read(e.enclosuresJson, new TypeReference<List<FeedContent.Enclosure>>() { }),
                    JsonColumns.read(e.personsJson, new TypeReference<List<FeedContent.Person>>() { }),
                    e.transcriptUrl == null ? null : transcript,
                    JsonColumns.read(e.chaptersJson, new TypeReference<List<Chapter>>() { }));
        });
    }

    @Override
    @Transactional
    public Map<Long, List<FeedContent.Enclosure>> enclosures(Collection<Long> episodeIds) {
        if (episodeIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<FeedContent.Enclosure>> byEpisode = new java.util.HashMap<>();
        EpisodeEntity.<EpisodeEntity>list("id in ?1", Set.copyOf(episodeIds)).forEach(e -> byEpisode.put(e.id,
                JsonColumns.read(e.enclosuresJson, new TypeReference<List<FeedContent.Enclosure>>() { })));
        return byEpisode;
    }

    @Override
    @Transactional
    public List<Passage> passages(long episodeId) {
        return PassageEntity.<PassageEntity>list("episodeId", Sort.by("position"), episodeId).stream()
                .map(PassageEntity::toDomain).toList();
    }

    @Override
    @Transactional
    public List<Passage> passages(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return PassageEntity.<PassageEntity>list("id in ?1", Set.copyOf(ids)).stream().map(PassageEntity::toDomain).toList();
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
        Map<String, String> parents = content.show().categoryParents();
        content.categories().forEach(name -> podcast.categories.add(
                new PodcastEntity.CategoryColumns(Columns.fit(name, 200), Columns.fit(parents.get(name), 200))));
        podcast.imageUrl = Columns.fit(content.imageUrl(), 2048);
        podcast.link = Columns.fit(content.link(), 2048);
        podcast.explicit = content.explicit();
        FeedContent.Show show = content.show();
        podcast.ownerName = Columns.fit(show.ownerName(), 1000);
        podcast.ownerEmail = Columns.fit(show.ownerEmail(), 1000);
        podcast.showType = Columns.fit(show.type(), 16);
        podcast.blocked = show.blocked();
        podcast.podcastGuid = Columns.fit(show.podcastGuid(), 200);
        podcast.locked = show.locked();
        podcast.fundingJson = JsonColumns.write(show.funding());
        podcast.personsJson = JsonColumns.write(show.persons());
        podcast.podroll.clear();
        show.podroll().forEach(item -> podcast.podroll.add(
                new PodcastEntity.PodrollColumns(Columns.fit(item.feedGuid(), 200), Columns.fit(item.feedUrl(), 2048))));
        podcast.updatedAt = now;
        podcast.persist();

        Map<String, EpisodeEntity> stored = EpisodeEntity.<EpisodeEntity>list("podcastId", podcast.id).stream()
                .collect(Collectors.toMap(e -> e.guid, Function.identity()));
        List<EpisodeEntity> changed = new ArrayList<>();
        Map<EpisodeEntity, FeedContent.Item> changedItems = new HashMap<>();
        Set<String> listed = new HashSet<>();
        for (FeedContent.Item item : content.items()) {
            String guid = Columns.fitId(item.guid(), 2048);
            if (!listed.add(guid)) {
                continue; // feeds sometimes repeat an item; the first one counts
            }
            EpisodeEntity episode = stored.get(guid);
            boolean created = episode == null;
            if (created) {
                episode = new EpisodeEntity();
                episode.podcastId = podcast.id;
                episode.guid = guid;
            }
            List<Object> before = fingerprint(episode);
            apply(item, episode);
            if (created || !before.equals(fingerprint(episode))) {
                episode.updatedAt = now;
                episode.persist();
                changed.add(episode);
                changedItems.put(episode, item);
            }
        }
        // Episodes the feed no longer lists are kept (listeners may have them in their history), and marked.
        for (EpisodeEntity episode : stored.values()) {
            if (!listed.contains(episode.guid) && episode.goneFromFeedAt == null) {
                episode.goneFromFeedAt = now;
            }
        }
        PodcastEntity.flush();
        credit(podcast.id, content, changedItems);
        Podcast saved = toDomain(List.of(podcast)).get(0);
        Map<Long, FeedContent.Item> itemsById = new HashMap<>();
        changedItems.forEach((episode, item) -> itemsById.put(episode.id, item));
        return new StoredFeed(saved, changed.stream().map(EpisodeEntity::toDomain).toList(), itemsById);
    }

    @Override
    @Transactional
    public List<Passage> storeTranscript(long episodeId, String transcriptUrl, List<TranscriptSegment> segments,
            List<Passage> passages) {
        EpisodeEntity episode = EpisodeEntity.findById(episodeId);
        TranscriptSegmentEntity.delete("key.episodeId", episodeId);
        PassageEntity.delete("episodeId", episodeId);
        TranscriptSegmentEntity.flush(); // the deletes go first: positions are reused
        for (int i = 0; i < segments.size(); i++) {
            TranscriptSegment segment = segments.get(i);
            TranscriptSegmentEntity entity = new TranscriptSegmentEntity();
            entity.key = new TranscriptSegmentEntity.Key(episodeId, i);
            entity.start = segment.start();
            entity.end = segment.end();
            entity.speaker = Columns.fit(segment.speaker(), 200);
            entity.text = segment.text();
            entity.persist();
        }
        List<PassageEntity> stored = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            PassageEntity entity = new PassageEntity();
            entity.episodeId = episodeId;
            entity.position = i;
            entity.start = passage.start();
            entity.end = passage.end();
            entity.speaker = Columns.fit(passage.speaker(), 200);
            entity.text = passage.text();
            entity.persist();
            stored.add(entity);
        }
        episode.transcriptUrl = Columns.fit(transcriptUrl, 2048);
        episode.transcriptError = null;
        PassageEntity.flush();
        return stored.stream().map(PassageEntity::toDomain).toList();
    }

    @Override
    @Transactional
    public void storeTranscriptError(long episodeId, String transcriptUrl, String error) {
        EpisodeEntity episode = EpisodeEntity.findById(episodeId);
        episode.transcriptError = Columns.fit(transcriptUrl + ": " + error, 1000);
    }

    @Override
    @Transactional
    public void storeChapters(long episodeId, List<Chapter> chapters) {
        EpisodeEntity episode = EpisodeEntity.findById(episodeId);
        episode.chaptersJson = JsonColumns.write(chapters);
    }

    /** Who the feed credits on the show, and on each episode this write created or changed (the others are as they were). */
    private static void credit(long podcastId, FeedContent content, Map<EpisodeEntity, FeedContent.Item> changedItems) {
        PodcastEntity.getEntityManager().unwrap(Session.class).doWork(connection -> {
            PersonCredits credits = new PersonCredits(connection);
            credits.replacePodcastCredits(podcastId, content.show().persons(), content.author());
            for (Map.Entry<EpisodeEntity, FeedContent.Item> changed : changedItems.entrySet()) {
                credits.replaceEpisodeCredits(changed.getKey().id, changed.getValue().persons());
            }
        });
    }

    /** Matched when read, so that a show added after the podcast is found: by podcast:guid, else by feed address. */
    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<PodrollItem> podroll(long podcastId) {
        List<Object[]> rows = PodcastEntity.getEntityManager().createNativeQuery("""
                select r.feed_guid, r.feed_url, coalesce(
                    (select min(p.id) from podcast p where lower(p.podcast_guid) = r.feed_guid and p.id <> r.podcast_id),
                    (select min(p.id) from podcast p join feed f on f.id = p.feed_id
                     where f.url = r.feed_url and p.id <> r.podcast_id))
                from podcast_podroll r where r.podcast_id = :podcast order by r.position""")
                .setParameter("podcast", podcastId).getResultList();
        Map<Long, Podcast> podcasts = podcasts(rows.stream().filter(row -> row[2] != null)
                .map(row -> ((Number) row[2]).longValue()).toList()).stream()
                .collect(Collectors.toMap(Podcast::id, Function.identity()));
        return rows.stream().map(row -> new PodrollItem((String) row[0], (String) row[1],
                row[2] == null ? null : podcasts.get(((Number) row[2]).longValue()))).toList();
    }

    @Override
    @Transactional
    public List<Credit> podcastCredits(long podcastId) {
        return credits("podcast_person", "podcast_id", List.of(podcastId)).getOrDefault(podcastId, List.of());
    }

    @Override
    @Transactional
    public Map<Long, List<Credit>> episodeCredits(Collection<Long> episodeIds) {
        return episodeIds.isEmpty() ? Map.of() : credits("episode_person", "episode_id", episodeIds);
    }

    /** The credits of these items, by item, in the feed's order. */
    @SuppressWarnings("unchecked")
    private static Map<Long, List<Credit>> credits(String table, String column, Collection<Long> ids) {
        List<Object[]> rows = PodcastEntity.getEntityManager().createNativeQuery(("select c.%s, p.id, p.name, c.role, c.credit_group"
                + " from %s c join person p on p.id = c.person_id where c.%s in (:ids) order by c.%s, c.position")
                .formatted(column, table, column, column))
                .setParameter("ids", Set.copyOf(ids)).getResultList();
        Map<Long, List<Credit>> credits = new LinkedHashMap<>();
        for (Object[] row : rows) {
            credits.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(new Credit(
                    ((Number) row[1]).longValue(), (String) row[2], (String) row[3], (String) row[4]));
        }
        return credits;
    }

    private static void apply(FeedContent.Item item, EpisodeEntity episode) {
        episode.title = Columns.fit(item.title() == null || item.title().isBlank() ? "Untitled episode" : item.title(), 1000);
        episode.description = item.description();
        episode.descriptionHtml = item.descriptionHtml();
        episode.audioUrl = Columns.fit(item.audioUrl(), 2048);
        episode.publishedAt = item.publishedAt();
        episode.durationSeconds = item.durationSeconds();
        episode.link = Columns.fit(item.link(), 2048);
        episode.imageUrl = Columns.fit(item.imageUrl(), 2048);
        episode.explicit = item.explicit();
        episode.season = item.season();
        episode.episodeNumber = item.episodeNumber();
        episode.episodeType = Columns.fit(item.episodeType(), 16);
        episode.enclosuresJson = JsonColumns.write(item.enclosures());
        episode.personsJson = JsonColumns.write(item.persons());
        episode.transcriptsJson = JsonColumns.write(item.transcripts());
        episode.chaptersUrl = Columns.fit(item.chaptersUrl(), 2048);
        episode.goneFromFeedAt = null;
    }

    /** What a re-ingest compares to tell a changed episode (to embed again) from an unchanged one. */
    private static List<Object> fingerprint(EpisodeEntity e) {
        return Arrays.asList(e.title, e.description, e.descriptionHtml, e.audioUrl, e.publishedAt, e.durationSeconds,
                e.link, e.imageUrl, e.explicit, e.season, e.episodeNumber, e.episodeType, e.enclosuresJson,
                e.personsJson, e.transcriptsJson, e.chaptersUrl, e.goneFromFeedAt);
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

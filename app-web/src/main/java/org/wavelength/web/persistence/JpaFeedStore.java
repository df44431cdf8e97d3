package org.wavelength.web.persistence;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedStatus;
import org.wavelength.core.domain.Page;
import org.wavelength.core.port.FeedStore;

@ApplicationScoped
public class JpaFeedStore implements FeedStore {

    @Override
    @Transactional
    public Registration register(String url) {
        Optional<FeedEntity> existing = FeedEntity.find("url", url).firstResultOptional();
        if (existing.isPresent()) {
            return new Registration(toDomain(existing.get()), false);
        }
        FeedEntity feed = new FeedEntity();
        feed.url = url;
        feed.status = FeedStatus.PENDING;
        feed.createdAt = Instant.now();
        feed.persist();
        return new Registration(feed.toDomain(0), true);
    }

    @Override
    @Transactional
    public List<Registration> registerAll(Collection<String> urls) {
        Map<String, FeedEntity> existing = new java.util.HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(new java.util.LinkedHashSet<>(urls)), 500)) {
            FeedEntity.<FeedEntity>list("url in ?1", chunk).forEach(f -> existing.put(f.url, f));
        }
        Instant now = Instant.now();
        List<Registration> result = new java.util.ArrayList<>(urls.size());
        for (String url : urls) {
            FeedEntity feed = existing.get(url);
            if (feed != null) {
                result.add(new Registration(feed.toDomain(0), false));
                continue;
            }
            feed = new FeedEntity();
            feed.url = url;
            feed.status = FeedStatus.PENDING;
            feed.createdAt = now;
            feed.persist();
            existing.put(url, feed);
            result.add(new Registration(feed.toDomain(0), true));
        }
        return result; // ids come from the sequence at persist, before the flush
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(i + size, list.size())));
        }
        return chunks;
    }

    @Override
    @Transactional
    public Optional<Feed> feed(long id) {
        return FeedEntity.<FeedEntity>findByIdOptional(id).map(JpaFeedStore::toDomain);
    }

    @Override
    @Transactional
    public Page<Feed> feeds(int page, int size) {
        var query = FeedEntity.<FeedEntity>findAll(Sort.by("createdAt").and("id")).page(page, size);
        return new Page<>(withCounts(query.list()), page, size, query.count());
    }

    @Override
    @Transactional
    public List<Feed> all() {
        return withCounts(FeedEntity.<FeedEntity>listAll(Sort.by("id")));
    }

    @Override
    @Transactional
    public long count() {
        return FeedEntity.count();
    }

    @Override
    @Transactional
    public Map<FeedStatus, Long> statusCounts() {
        Map<FeedStatus, Long> counts = new java.util.EnumMap<>(FeedStatus.class);
        FeedEntity.getEntityManager()
                .createQuery("select f.status, count(f) from FeedEntity f group by f.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((FeedStatus) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * When a feed is due. Only web feeds are refreshed; feeds read from files (bootstrap, upload) have no
     * next fetch. A lease that ran out is due whatever the status: its worker died (a first fetch has no
     * next fetch time).
     */
    private static final String DUE = """
            f.status <> :dead and f.url like 'http%'
              and (f.status = :pending or f.nextFetchAt <= :now or f.leaseUntil < :now)
              and (f.leaseUntil is null or f.leaseUntil < :now)""";

    @Override
    @Transactional
    public List<Long> due(Instant now, int limit) {
        return FeedEntity.getEntityManager()
                .createQuery("select f.id from FeedEntity f where " + DUE + " order by f.nextFetchAt nulls first, f.id",
                        Long.class)
                .setParameter("dead", FeedStatus.DEAD)
                .setParameter("pending", FeedStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    @Transactional
    public boolean claimDue(long feedId, Instant now, Instant leaseUntil) {
        // One conditional UPDATE: the database lets exactly one instance win, whatever the isolation level.
        return FeedEntity.getEntityManager()
                .createQuery("update FeedEntity f set f.status = :fetching, f.leaseUntil = :until where f.id = :id and "
                        + DUE)
                .setParameter("fetching", FeedStatus.FETCHING)
                .setParameter("until", leaseUntil)
                .setParameter("id", feedId)
                .setParameter("dead", FeedStatus.DEAD)
                .setParameter("pending", FeedStatus.PENDING)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public boolean claim(long feedId, Instant now, Instant leaseUntil) {
        int updated = FeedEntity.update(
                "status = ?1, leaseUntil = ?2 where id = ?3 and (leaseUntil is null or leaseUntil < ?4)",
                FeedStatus.FETCHING, leaseUntil, feedId, now);
        return updated == 1;
    }

    @Override
    @Transactional
    public void fetchSoon(long feedId, Instant now) {
        // Cut to the column's microseconds: a database that rounds up would store a time still to come.
        FeedEntity.update("nextFetchAt = ?1, status = case when status = ?2 then ?3 else status end where id = ?4",
                now.truncatedTo(ChronoUnit.MICROS), FeedStatus.DEAD, FeedStatus.ERROR, feedId);
    }

    @Override
    @Transactional
    public void recordSuccess(long feedId, long podcastId, String title, Instant fetchedAt, Instant nextFetchAt,
            String etag, String lastModified, Feed.ItemCap cap) {
        FeedEntity feed = FeedEntity.findById(feedId);
        feed.itemsListed = cap == null ? null : cap.listed();
        feed.itemsKept = cap == null ? null : cap.kept();
        feed.etag = Columns.fit(etag, 1000);
        feed.lastModified = Columns.fit(lastModified, 100);
        feed.podcastId = podcastId;
        feed.title = title;
        fetched(feed, FeedStatus.OK, fetchedAt, nextFetchAt);
    }

    /** A fetch that went well: the error and the lease go, the failure count starts again. */
    private static void fetched(FeedEntity feed, FeedStatus status, Instant fetchedAt, Instant nextFetchAt) {
        feed.status = status;
        feed.lastError = null;
        feed.lastFetchedAt = fetchedAt;
        feed.nextFetchAt = nextFetchAt;
        feed.leaseUntil = null;
        feed.consecutiveFailures = 0;
    }

    @Override
    @Transactional
    public void recordNotModified(long feedId, Instant fetchedAt, Instant nextFetchAt) {
        FeedEntity feed = FeedEntity.findById(feedId);
        fetched(feed, feed.podcastId == null ? FeedStatus.PENDING : FeedStatus.OK, fetchedAt, nextFetchAt);
    }

    @Override
    @Transactional
    public boolean moveTo(long feedId, String newUrl) {
        if (FeedEntity.count("url = ?1 and id <> ?2", newUrl, feedId) > 0) {
            return false;
        }
        FeedEntity feed = FeedEntity.findById(feedId);
        feed.url = Columns.fit(newUrl, 2048);
        return true;
    }

    @Override
    @Transactional
    public void recordFailure(long feedId, String error, Instant fetchedAt, Instant nextFetchAt, boolean dead) {
        FeedEntity feed = FeedEntity.findById(feedId);
        feed.status = dead ? FeedStatus.DEAD : FeedStatus.ERROR;
        feed.lastError = Columns.fit(error, 4000);
        feed.lastFetchedAt = fetchedAt;
        feed.nextFetchAt = dead ? null : nextFetchAt;
        feed.leaseUntil = null;
        feed.consecutiveFailures++;
    }

    private static Feed toDomain(FeedEntity feed) {
        return feed.toDomain(feed.podcastId == null ? 0 : EpisodeCounts.of(List.of(feed.podcastId)).getOrDefault(feed.podcastId, 0));
    }

    private static List<Feed> withCounts(List<FeedEntity> feeds) {
        Map<Long, Integer> counts = EpisodeCounts.of(feeds.stream().map(f -> f.podcastId).filter(Objects::nonNull).toList());
        return feeds.stream().map(f -> f.toDomain(f.podcastId == null ? 0 : counts.getOrDefault(f.podcastId, 0))).toList();
    }
}

package org.wavelength.web.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wavelength.core.domain.Digests;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.ingest.IngestException;
import org.wavelength.ingest.fetch.FeedUrls;
import org.wavelength.web.persistence.EpisodeEntity;
import org.wavelength.web.persistence.FeedEntity;
import org.wavelength.web.persistence.SyncEpisodeActionEntity;
import org.wavelength.web.view.SyncViews;

/**
 * gpodder sync's episode actions: every action kept as uploaded (once: the same action uploaded again is not
 * doubled), and a play of an episode Wavelength knows recorded as the listener's PROGRESS, or COMPLETE from
 * {@value #COMPLETE_SHARE} of its length. Episodes are matched in the podcast of the action's feed URL by
 * media URL, then by guid (apps rewrite media URLs: tracking prefixes, redirects).
 */
@ApplicationScoped
public class EpisodeActionSync {

    /** One upload; gPodder sends at most a few thousand, a first sync of a long history can send 10,000. */
    public static final int MAX_ACTIONS = 20_000;
    static final double COMPLETE_SHARE = 0.95;
    static final Set<String> ACTIONS = Set.of("download", "play", "delete", "new");
    private static final int IN_LIST = 500;

    private final GpodderSync sync;
    private final ListenerActions actions;

    public EpisodeActionSync(GpodderSync sync, ListenerActions actions) {
        this.sync = sync;
        this.actions = actions;
    }

    public SyncViews.UpdateResult upload(long userId, List<SyncViews.EpisodeAction> sent) {
        if (sent == null) {
            throw new InvalidInputException("Send a JSON list of episode actions.");
        }
        if (sent.size() > MAX_ACTIONS) {
            throw new InvalidInputException("One upload holds at most " + MAX_ACTIONS + " episode actions; this one had "
                    + sent.size() + ": send them in parts.");
        }
        long now = GpodderSync.now();
        List<List<String>> rewritten = new ArrayList<>();
        Map<String, SyncEpisodeActionEntity> rows = new LinkedHashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            SyncEpisodeActionEntity row = checked(userId, i, sent.get(i), now, rewritten);
            rows.putIfAbsent(row.dedupeKey, row);
        }
        List<SyncEpisodeActionEntity> stored = QuarkusTransaction.requiringNew().call(() -> store(userId, rows));
        recordPlays(userId, stored);
        return new SyncViews.UpdateResult(now, rewritten.stream().distinct().toList(), List.of());
    }

    private SyncEpisodeActionEntity checked(long userId, int index, SyncViews.EpisodeAction a, long now, List<List<String>> rewritten) {
        String where = "Action " + (index + 1) + ": ";
        if (a == null) {
            throw new InvalidInputException(where + "is null; each action is an object.");
        }
        if (a.podcast() == null || a.episode() == null || a.episode().isBlank()) {
            throw new InvalidInputException(where + "names its podcast (the feed URL) and episode (the media URL).");
        }
        String action = a.action() == null ? "" : a.action().strip().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new InvalidInputException(where + "action is download, play, delete or new; it was '" + a.action() + "'.");
        }
        String podcast;
        try {
            podcast = FeedUrls.parse(a.podcast()).toString();
        } catch (IngestException e) {
            throw new InvalidInputException(where + e.getMessage());
        }
        if (!podcast.equals(a.podcast())) {
            rewritten.add(List.of(a.podcast(), podcast));
        }
        for (Integer value : new Integer[] {a.started(), a.position(), a.total()}) {
            if (value != null && value < 0) {
                throw new InvalidInputException(where + "started, position and total are seconds, never negative.");
            }
        }
        if (a.episode().length() > FeedUrls.MAX_LENGTH || (a.guid() != null && a.guid().length() > FeedUrls.MAX_LENGTH)) {
            throw new InvalidInputException(where + "an episode URL or guid is at most " + FeedUrls.MAX_LENGTH + " characters.");
        }
        if (a.device() != null) {
            GpodderSync.checkedDeviceId(a.device());
        }
        SyncEpisodeActionEntity row = new SyncEpisodeActionEntity();
        row.userId = userId;
        row.podcastUrl = podcast;
        row.episodeUrl = a.episode();
        row.guid = a.guid();
        row.deviceId = a.device();
        row.action = action;
        row.actionAt = SyncTime.actionTime(a.timestamp(), now);
        row.started = a.started();
        row.position = a.position();
        row.total = a.total();
        row.uploadedAt = now;
        row.dedupeKey = Digests.sha256Hex(String.join("\n", podcast, row.episodeUrl, action, Long.toString(row.actionAt),
                String.valueOf(row.deviceId)));
        return row;
    }

    /** Stores what is new and returns it; an unknown device is created, as gpodder.net does. */
    private List<SyncEpisodeActionEntity> store(long userId, Map<String, SyncEpisodeActionEntity> rows) {
        Set<String> existing = new HashSet<>();
        List<String> keys = new ArrayList<>(rows.keySet());
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            existing.addAll(SyncEpisodeActionEntity.existingKeys(userId, keys.subList(from, Math.min(keys.size(), from + IN_LIST))));
        }
        rows.values().stream().map(r -> r.deviceId).filter(d -> d != null).distinct().forEach(d -> sync.device(userId, d));
        List<SyncEpisodeActionEntity> added = new ArrayList<>();
        for (SyncEpisodeActionEntity row : rows.values()) {
            if (existing.add(row.dedupeKey)) {
                row.persist();
                added.add(row);
            }
        }
        return added;
    }

    /** The newest play of each episode becomes the listener's progress or completion. */
    private void recordPlays(long userId, List<SyncEpisodeActionEntity> stored) {
        Map<String, SyncEpisodeActionEntity> newest = new LinkedHashMap<>();
        stored.stream().filter(a -> a.action.equals("play") && a.position != null)
                .sorted(Comparator.comparingLong(a -> a.actionAt))
                .forEach(a -> newest.put(a.podcastUrl + "\n" + a.episodeUrl, a));
        for (SyncEpisodeActionEntity play : newest.values()) {
            Optional<Long> episode = QuarkusTransaction.requiringNew().call(() -> episode(play.podcastUrl, play.episodeUrl, play.guid));
            if (episode.isEmpty()) {
                continue;
            }
            boolean complete = play.total != null && play.total > 0 && play.position >= COMPLETE_SHARE * play.total;
            try {
                actions.record(userId, episode.get(), null, complete ? "COMPLETE" : "PROGRESS", complete ? null : play.position);
            } catch (UnknownItemException e) {
                // Removed since it was found: the action stays stored, there is nothing to learn from.
            }
        }
    }

    /** The episode of a feed URL by media URL, then by guid; empty when Wavelength does not have it. */
    static Optional<Long> episode(String podcastUrl, String mediaUrl, String guid) {
        Optional<Long> podcast = FeedEntity.<FeedEntity>find("url", podcastUrl).firstResultOptional().map(f -> f.podcastId);
        if (podcast.isEmpty() || podcast.get() == null) {
            return Optional.empty();
        }
        Optional<Long> byMedia = EpisodeEntity.<EpisodeEntity>find("podcastId = ?1 and audioUrl = ?2", podcast.get(), mediaUrl)
                .firstResultOptional().map(e -> e.id);
        if (byMedia.isPresent() || guid == null || guid.isBlank()) {
            return byMedia;
        }
        return EpisodeEntity.<EpisodeEntity>find("podcastId = ?1 and guid = ?2", podcast.get(), guid).firstResultOptional().map(e -> e.id);
    }

    public SyncViews.EpisodeActions actions(long userId, String sinceParam, String podcast, String device, String aggregated) {
        long now = GpodderSync.now();
        long since = SyncTime.since(sinceParam, now);
        if (device != null) {
            GpodderSync.checkedDeviceId(device);
        }
        boolean latestOnly = "true".equalsIgnoreCase(aggregated) || "1".equals(aggregated);
        List<SyncEpisodeActionEntity> rows = QuarkusTransaction.requiringNew().call(() ->
                SyncEpisodeActionEntity.since(userId, since, podcast == null || podcast.isBlank() ? null : podcast, device));
        if (latestOnly) {
            Map<String, SyncEpisodeActionEntity> latest = new LinkedHashMap<>();
            rows.forEach(r -> latest.put(r.podcastUrl + "\n" + r.episodeUrl, r));
            rows = List.copyOf(latest.values());
        }
        return new SyncViews.EpisodeActions(rows.stream().map(r -> new SyncViews.EpisodeAction(r.podcastUrl, r.episodeUrl,
                r.guid, r.deviceId, r.action, SyncTime.actionTime(r.actionAt), r.started, r.position, r.total)).toList(), now);
    }
}

package org.wavelength.web.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.wavelength.core.domain.Digests;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.core.port.FeedStore;
import org.wavelength.ingest.IngestException;
import org.wavelength.ingest.fetch.FeedUrls;
import org.wavelength.ingest.service.FeedRegistration;
import org.wavelength.web.persistence.SyncDeviceEntity;
import org.wavelength.web.persistence.SyncSubscriptionEntity;
import org.wavelength.web.view.SyncViews;

/**
 * gpodder sync's devices and subscriptions for one listener. A subscription is kept per device by feed URL, so
 * that the device sees its list at once; the listener's SUBSCRIBE (or UNSUBSCRIBE) of the podcast is recorded
 * through {@link ListenerActions} as soon as the feed's podcast exists: at once for a known feed, else at the
 * listener's next sync call after the feed was ingested ({@link #recordPending}).
 */
@ApplicationScoped
public class GpodderSync {

    /** The reference's device ids: letters, digits, dots, dashes and underscores. */
    static final Pattern DEVICE_ID = Pattern.compile("[\\w.-]{1,64}");
    static final Set<String> DEVICE_TYPES = Set.of("desktop", "laptop", "mobile", "server", "other");
    /** One upload of subscriptions; a listener's whole library fits many times over. */
    public static final int MAX_URLS = 5_000;

    private final FeedRegistration registration;
    private final FeedStore feeds;
    private final ListenerActions actions;

    public GpodderSync(FeedRegistration registration, FeedStore feeds, ListenerActions actions) {
        this.registration = registration;
        this.feeds = feeds;
        this.actions = actions;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static String checkedDeviceId(String deviceId) {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new InvalidInputException("A device id is 1 to 64 letters, digits, '.', '-' or '_'; it was '" + deviceId + "'.");
        }
        return deviceId;
    }

    @Transactional
    public List<SyncViews.Device> devices(long userId) {
        return SyncDeviceEntity.ofUser(userId).stream().map(d -> new SyncViews.Device(d.deviceId, d.caption, d.type,
                SyncSubscriptionEntity.countCurrent(d.id))).toList();
    }

    /** Creates the device or changes what was sent of it (a field left out keeps its value). */
    @Transactional
    public void saveDevice(long userId, String deviceId, SyncViews.DeviceSettings settings) {
        SyncDeviceEntity device = device(userId, deviceId);
        if (settings != null && settings.caption() != null) {
            if (settings.caption().length() > 200) {
                throw new InvalidInputException("A device's caption is at most 200 characters.");
            }
            device.caption = settings.caption();
        }
        if (settings != null && settings.type() != null) {
            if (!DEVICE_TYPES.contains(settings.type())) {
                throw new InvalidInputException("A device's type is one of " + String.join(", ", DEVICE_TYPES.stream().sorted().toList())
                        + "; it was '" + settings.type() + "'.");
            }
            device.type = settings.type();
        }
    }

    /** The device, created as the reference does when a client names one it has not registered. */
    SyncDeviceEntity device(long userId, String deviceId) {
        checkedDeviceId(deviceId);
        return SyncDeviceEntity.of(userId, deviceId).orElseGet(() -> {
            SyncDeviceEntity device = new SyncDeviceEntity();
            device.userId = userId;
            device.deviceId = deviceId;
            device.caption = "";
            device.type = "other";
            device.persist();
            return device;
        });
    }

    @Transactional
    public SyncViews.SubscriptionChanges changes(long userId, String deviceId, String sinceParam) {
        long now = now();
        long since = SyncTime.since(sinceParam, now);
        recordPending(userId);
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (SyncSubscriptionEntity s : SyncSubscriptionEntity.changedSince(device(userId, deviceId).id, since)) {
            (s.subscribed ? add : remove).add(s.url);
        }
        return new SyncViews.SubscriptionChanges(add, remove, now);
    }

    /** The current subscriptions of one device, or of all the listener's devices (deviceId null), each URL once. */
    @Transactional
    public List<String> subscriptions(long userId, String deviceId) {
        recordPending(userId);
        List<Long> devices = deviceId == null ? SyncDeviceEntity.ofUser(userId).stream().map(d -> d.id).toList()
                : SyncDeviceEntity.of(userId, checkedDeviceId(deviceId)).map(d -> List.of(d.id)).orElse(List.of());
        return new ArrayList<>(SyncSubscriptionEntity.current(devices).stream().map(s -> s.url)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * Applies a device's changes. Feeds are registered first, each in its own transaction, so that the ingest
     * worker they are handed to never waits on this upload's rows.
     */
    public SyncViews.UpdateResult update(long userId, String deviceId, List<String> add, List<String> remove) {
        List<String> adding = add == null ? List.of() : add;
        List<String> removing = remove == null ? List.of() : remove;
        checkedDeviceId(deviceId);
        if (adding.size() + removing.size() > MAX_URLS) {
            throw new InvalidInputException("One upload changes at most " + MAX_URLS + " subscriptions; this one had "
                    + (adding.size() + removing.size()) + ".");
        }
        Set<String> both = new LinkedHashSet<>(adding);
        both.retainAll(new LinkedHashSet<>(removing));
        if (!both.isEmpty()) {
            throw new InvalidInputException("A URL cannot be added and removed at once: " + String.join(", ", both) + ".");
        }
        long now = now();
        List<List<String>> rewritten = new ArrayList<>();
        List<SyncViews.EntryError> errors = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (String url : adding) {
            resolve(url, true, rewritten, errors).ifPresent(changes::add);
        }
        for (String url : removing) {
            resolve(url, false, rewritten, errors).ifPresent(changes::add);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            SyncDeviceEntity device = device(userId, deviceId);
            changes.forEach(change -> apply(userId, device, change, now));
        });
        return new SyncViews.UpdateResult(now, rewritten, errors);
    }

    /** The Simple API's PUT: the device's list becomes exactly these URLs. */
    public SyncViews.UpdateResult replace(long userId, String deviceId, List<String> urls) {
        checkedDeviceId(deviceId);
        Set<String> wanted = new LinkedHashSet<>(urls);
        List<String> removing = QuarkusTransaction.requiringNew().call(() -> SyncDeviceEntity.of(userId, deviceId)
                .map(d -> SyncSubscriptionEntity.current(List.of(d.id))).orElse(List.of()).stream().map(s -> s.url)
                .filter(u -> !wanted.contains(u)).toList());
        return update(userId, deviceId, List.copyOf(wanted), removing);
    }

    /** A URL as it will be kept, with its feed when it is added. */
    private record Change(String url, boolean subscribed, Long feedId) {
    }

    private Optional<Change> resolve(String sent, boolean subscribed, List<List<String>> rewritten, List<SyncViews.EntryError> errors) {
        String url;
        Long feedId = null;
        try {
            if (subscribed) {
                FeedStore.Registration registered = registration.add(sent);
                url = registered.feed().url();
                feedId = registered.feed().id();
            } else {
                url = FeedUrls.parse(sent).toString();
            }
        } catch (IngestException | InvalidInputException e) {
            rewritten.add(List.of(String.valueOf(sent), ""));
            errors.add(new SyncViews.EntryError(sent, e.getMessage()));
            return Optional.empty();
        }
        if (!url.equals(sent)) {
            rewritten.add(List.of(sent, url));
        }
        return Optional.of(new Change(url, subscribed, feedId));
    }

    private void apply(long userId, SyncDeviceEntity device, Change change, long now) {
        String key = Digests.sha256Hex(change.url());
        SyncSubscriptionEntity row = SyncSubscriptionEntity.of(device.id, key).orElse(null);
        if (row == null) {
            if (!change.subscribed()) {
                return;
            }
            row = new SyncSubscriptionEntity();
            row.devicePk = device.id;
            row.url = change.url();
            row.urlKey = key;
        } else if (row.subscribed == change.subscribed()) {
            return;
        }
        row.subscribed = change.subscribed();
        row.changedAt = now;
        row.recorded = false;
        if (row.feedId == null) {
            row.feedId = change.feedId();
        }
        row.persist();
        record(userId, row);
    }

    /** Rows whose feed has been ingested since they were uploaded become the listener's interaction now. */
    void recordPending(long userId) {
        List<Long> devices = SyncDeviceEntity.ofUser(userId).stream().map(d -> d.id).toList();
        for (SyncSubscriptionEntity row : SyncSubscriptionEntity.unrecorded(devices)) {
            record(userId, row);
        }
    }

    private void record(long userId, SyncSubscriptionEntity row) {
        Optional<Long> podcast = Optional.ofNullable(row.feedId).flatMap(feeds::feed).map(f -> f.podcastId()).filter(Objects::nonNull);
        if (podcast.isEmpty()) {
            return;
        }
        try {
            actions.record(userId, null, podcast.get(), row.subscribed ? "SUBSCRIBE" : "UNSUBSCRIBE", null);
            row.recorded = true;
        } catch (UnknownItemException e) {
            // The podcast went away: nothing to record, and nothing to retry.
            row.recorded = true;
        }
    }

}

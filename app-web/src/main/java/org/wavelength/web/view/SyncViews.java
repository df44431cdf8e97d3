package org.wavelength.web.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The shapes of the gpodder.net API v2 (mygpo's doc/api/reference), as podcast apps send and expect them. */
public final class SyncViews {

    private SyncViews() {
    }

    public record Device(String id, String caption, String type, long subscriptions) {
    }

    public record DeviceSettings(String caption, String type) {
    }

    public record SubscriptionChanges(List<String> add, List<String> remove, long timestamp) {
    }

    /** Each of update_urls is [as sent, as stored]; a URL that cannot be a feed maps to "" and is named in errors. */
    public record UpdateResult(long timestamp, List<List<String>> update_urls,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EntryError> errors) {
    }

    public record EntryError(String url, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EpisodeAction(String podcast, String episode, String guid, String device, String action,
            String timestamp, Integer started, Integer position, Integer total) {
    }

    public record EpisodeActions(List<EpisodeAction> actions, long timestamp) {
    }
}

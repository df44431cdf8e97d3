package org.wavelength.core.port;

import java.time.Instant;
import java.util.List;
import org.wavelength.core.domain.ItemKind;

/**
 * What the index keeps with a point and filters on: which item it is, where it belongs and its
 * facets. {@code episodeId}, {@code start} and {@code end} (seconds into the episode) are set for
 * passages.
 */
public record PointPayload(
        ItemKind kind,
        long entityId,
        Long podcastId,
        Long episodeId,
        String language,
        List<String> categories,
        boolean explicit,
        Integer durationSeconds,
        Instant publishedAt,
        Double start,
        Double end) {

    public PointPayload {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The id of this item's point: the same item always gets the same one. */
    public String pointId() {
        return PointIds.of(kind, entityId);
    }
}

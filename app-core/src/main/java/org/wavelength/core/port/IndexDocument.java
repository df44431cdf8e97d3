package org.wavelength.core.port;

import java.time.Instant;
import java.util.List;
import org.wavelength.core.domain.ItemKind;

/**
 * An item to index: its payload and the text that stands for it. The index embeds the text with
 * the model of each collection it writes to, so that a segment being rebuilt with another model
 * gets vectors of that model.
 */
public record IndexDocument(
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
        Double end,
        String text) {

    public IndexDocument {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public String pointId() {
        return PointIds.of(kind, entityId);
    }

    public VectorPoint withVector(float[] vector) {
        return new VectorPoint(pointId(), kind, entityId, podcastId, episodeId, language, categories, explicit,
                durationSeconds, publishedAt, start, end, text, vector);
    }
}

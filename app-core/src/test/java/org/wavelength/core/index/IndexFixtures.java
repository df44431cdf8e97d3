package org.wavelength.core.index;

import java.time.Clock;
import java.util.List;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.PointPayload;

/** Index writers and documents for the tests of every capability built on the index. */
public final class IndexFixtures {

    private IndexFixtures() {
    }

    /** Writes before returning, as the real-time mode does, with the lag thrown away. */
    public static IndexWrites realtime(SegmentedIndex index) {
        return new IndexWrites(index, IndexWrites.Mode.REALTIME, 1, lag -> { }, Clock.systemUTC());
    }

    public static IndexDocument document(long id, String language) {
        return new IndexDocument(new PointPayload(ItemKind.EPISODE, id, 1L, id, language, List.of(), false, null, null,
                null, null), "Episode " + id);
    }
}

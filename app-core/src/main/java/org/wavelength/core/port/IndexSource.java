package org.wavelength.core.port;

import java.util.List;
import java.util.function.Consumer;

/** Everything that belongs in a segment, read from the database (the source of truth) for a rebuild. */
public interface IndexSource {

    /** How many documents {@link #forEach} will give for the segment (for progress). */
    long count(String segment);

    /** Hands every document of the segment to {@code batches}, a batch at a time. */
    void forEach(String segment, int batchSize, Consumer<List<IndexDocument>> batches);
}

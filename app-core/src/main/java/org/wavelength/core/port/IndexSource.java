package org.wavelength.core.port;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything that belongs in a segment, read from the database (the source of truth) for a rebuild
 * and for the reconciliation of the index with the database.
 */
public interface IndexSource {

    /** How many documents {@link #forEach} will give for the segment (for progress). */
    long count(String segment);

    /** Hands every document of the segment to {@code batches}, a batch at a time. */
    void forEach(String segment, int batchSize, Consumer<List<IndexDocument>> batches);

    /** The segments that have podcasts in the database. */
    Set<String> segments();

    /** The ids of the segment's podcasts. */
    List<Long> podcastIds(String segment);

    /** A podcast's documents (itself, its episodes, their passages), read at one moment; none when it is gone. */
    List<IndexDocument> documentsOf(long podcastId);
}

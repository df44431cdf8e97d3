package org.wavelength.core.port;

/**
 * The embedding model of each segment, by configuration: a segment's items and its queries are
 * always embedded with the same model.
 */
public interface Embedders {

    /** The model configured for new collections of a segment. */
    Embedder forSegment(String segment);

    /** A model by its id (the id is part of every collection's name). */
    Embedder forModel(String modelId);
}

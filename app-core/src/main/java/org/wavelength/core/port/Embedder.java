package org.wavelength.core.port;

import java.util.List;

/** Turns text into vectors with a language model. Vectors of one embedder are comparable by cosine. */
public interface Embedder {

    /** One vector per text, in the same order. */
    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** A stable name for the model, stored beside the vectors it made. */
    String modelName();

    int dimension();
}

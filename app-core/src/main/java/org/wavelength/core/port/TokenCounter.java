package org.wavelength.core.port;

/** Counts the word pieces the embedding model sees in a text, so that passages fit its window. */
@FunctionalInterface
public interface TokenCounter {

    int count(String text);
}

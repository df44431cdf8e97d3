package org.wavelength.core.port;

/**
 * A keyword search: the terms of {@code text} scored by BM25 among the points that pass {@code filter},
 * the best {@code limit}. With {@code typos}, a term that no point of the collection holds (most often a
 * misspelt word) is looked for among the collection's terms one edit away (a letter left out, added,
 * changed, or two swapped; the first letter as typed), which then stand for it.
 */
public record KeywordQuery(String text, VectorFilter filter, int limit, boolean typos) {

    public KeywordQuery {
        filter = filter == null ? VectorFilter.ALL : filter;
    }

    /** Plain BM25: every term as written. */
    public static KeywordQuery of(String text, VectorFilter filter, int limit) {
        return new KeywordQuery(text, filter, limit, false);
    }

    public KeywordQuery forgivingTypos() {
        return new KeywordQuery(text, filter, limit, true);
    }
}

package org.wavelength.core.port;

import java.util.List;

/**
 * A keyword hit and what of the query it holds. {@code matchedTerms}: the query's terms found in the
 * point's text, as the collection splits text (lower-cased words; pairs of characters for Chinese,
 * Japanese and Korean), a misspelt term as the word the text holds. {@code coverage}: the share of the
 * query's weight those terms carry, in [0, 1], each term weighing its inverse document frequency in
 * the collection, so that a hit holding only a common word of the query ("the", "review") covers
 * little of it, and one holding all its rare words covers most. {@code nearCoverage}: the same share
 * held within {@value #NEAR_WORDS} consecutive words of the text, at most {@code coverage}: a text
 * that says the query's words together, as a remembered sentence does, rather than here and there.
 */
public record KeywordHit(VectorHit hit, List<String> matchedTerms, double coverage, double nearCoverage) {

    /** About two sentences of speech. */
    public static final int NEAR_WORDS = 30;

    public KeywordHit {
        matchedTerms = List.copyOf(matchedTerms);
        if (!(coverage >= 0 && coverage <= 1) || !(nearCoverage >= 0 && nearCoverage <= coverage)) {
            throw new IllegalArgumentException("Coverages are shares in [0, 1], the near one at most the whole, not "
                    + coverage + " and " + nearCoverage);
        }
    }

    /**
     * The largest sum of weights of distinct terms found within {@link #NEAR_WORDS} consecutive
     * words, the same for every store: {@code positions[i]} is the word position of an occurrence of
     * term {@code terms[i]}, whose weight is {@code weights[terms[i]]}.
     */
    public static double nearWeight(int[] positions, int[] terms, double[] weights) {
        Integer[] order = new Integer[positions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> positions[i]));
        int[] counts = new int[weights.length];
        double sum = 0;
        double best = 0;
        int left = 0;
        for (int right = 0; right < order.length; right++) {
            int term = terms[order[right]];
            if (counts[term]++ == 0) {
                sum += weights[term];
            }
            while (positions[order[right]] - positions[order[left]] >= NEAR_WORDS) {
                int leaving = terms[order[left++]];
                if (--counts[leaving] == 0) {
                    sum -= weights[leaving];
                }
            }
            best = Math.max(best, sum);
        }
        return best;
    }
}

package org.wavelength.web.vector.lucene;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.wavelength.core.domain.Segments;

/**
 * How a collection's text becomes BM25 terms. Chosen from the collection's segment when it is
 * created and recorded in its commit data: the index and its queries must split text alike, so a
 * collection keeps the analysis it was created with. Changing the choice here only reaches new
 * collections; an existing one gets it when a rebuild of its segment replaces it.
 */
enum TextAnalysis {

    /** Words by the Unicode rules, lower-cased, no stop words; every Han character a term of its own. */
    STANDARD {
        @Override
        Analyzer create() {
            return new StandardAnalyzer();
        }
    },

    /**
     * Overlapping pairs of Han, kana and Hangul characters (a lone one stays a term), so that a
     * two-character word matches that word rather than every text holding one of its characters; other
     * words as {@link #STANDARD}. The price: a one-character query finds only lone characters.
     */
    CJK {
        @Override
        Analyzer create() {
            return new CJKAnalyzer(CharArraySet.EMPTY_SET);
        }
    };

    /** Chinese, Japanese and Korean do not separate words with spaces. */
    private static final Set<String> CJK_SEGMENTS = Set.of("zh", "ja", "ko");

    abstract Analyzer create();

    /** {@link #CJK} for a collection of the zh, ja or ko segment (see {@link Segments#collection}), else standard. */
    static TextAnalysis forCollection(String collection) {
        Segments.Collection parsed = Segments.parse(collection);
        return parsed != null && CJK_SEGMENTS.contains(parsed.segment()) ? CJK : STANDARD;
    }
}

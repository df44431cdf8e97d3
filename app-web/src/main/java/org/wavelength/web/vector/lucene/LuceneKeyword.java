package org.wavelength.web.vector.lucene;

import static org.wavelength.web.vector.lucene.LuceneSchema.HIT_FIELDS;
import static org.wavelength.web.vector.lucene.LuceneSchema.TEXT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.wavelength.core.port.KeywordHit;

/**
 * BM25 keyword search of one searcher, with what each hit matched (see {@link KeywordHit}): any of the
 * query's terms, each a {@link TermQuery}; with typos forgiven, a term of {@value #MIN_TYPO_LENGTH}
 * characters or more that no document holds becomes a {@link FuzzyQuery} of one edit with the first
 * letter fixed (Lucene's blended scoring of the spellings it finds, so that a common near word does
 * not score as a rare one). What the hits hold (terms and their positions) is then read from the
 * postings of the query's terms (or spellings), for the hits only.
 */
final class LuceneKeyword {

    /** Shorter words have too many neighbours one edit away ("cat": bat, cut, car...) to guess which was meant. */
    static final int MIN_TYPO_LENGTH = 4;

    /** Spellings a misspelt term may stand for at most (Lucene's default for a fuzzy query). */
    static final int MAX_SPELLINGS = 50;

    private LuceneKeyword() {
    }

    /** The best {@code limit} documents passing {@code filter} that hold any of {@code terms}. */
    static List<KeywordHit> search(IndexSearcher searcher, List<String> terms, boolean typos, Query filter, int limit)
            throws IOException {
        if (limit <= 0 || terms.isEmpty()) {
            return List.of();
        }
        IndexReader reader = searcher.getIndexReader();
        CollectionStatistics statistics = searcher.collectionStatistics(TEXT);
        long documents = statistics == null ? 0 : statistics.docCount();
        // Each query term, and the terms of the index that stand for it: itself, or its near spellings.
        Map<String, List<Term>> standsFor = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String text : terms) {
            Term term = new Term(TEXT, text);
            int frequency = reader.docFreq(term);
            Query clause = new TermQuery(term);
            List<Term> forms = List.of(term);
            if (frequency == 0 && typos && text.codePointCount(0, text.length()) >= MIN_TYPO_LENGTH) {
                Query fuzzy = searcher.rewrite(new FuzzyQuery(term, 1, 1, MAX_SPELLINGS, true));
                Set<Term> spellings = new HashSet<>();
                fuzzy.visit(QueryVisitor.termCollector(spellings));
                if (!spellings.isEmpty()) {
                    clause = fuzzy;
                    forms = spellings.stream().sorted(Comparator.comparing(Term::text)).toList();
                    for (Term spelling : forms) {
                        frequency = Math.max(frequency, reader.docFreq(spelling));
                    }
                }
            }
            standsFor.put(text, forms);
            weights.put(text, idf(documents, frequency));
            any.add(clause, Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder().add(any.build(), Occur.MUST).add(filter, Occur.FILTER).build();
        TopDocs top = searcher.search(query, limit);
        Map<Integer, Held> held = held(reader, top.scoreDocs, List.copyOf(standsFor.values()));
        double[] weight = weights.values().stream().mapToDouble(Double::doubleValue).toArray();
        double total = Arrays.stream(weight).sum();
        StoredFields fields = searcher.storedFields();
        List<KeywordHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Held h = held.get(scoreDoc.doc);
            double coverage = total > 0 ? Math.min(1, h.weight(weight) / total) : 0;
            double near = total > 0 ? Math.min(coverage, KeywordHit.nearWeight(h.positions(), h.terms(), weight) / total) : 0;
            hits.add(new KeywordHit(LuceneSchema.hit(fields.document(scoreDoc.doc, HIT_FIELDS), scoreDoc.score),
                    h.forms, coverage, near));
        }
        return hits;
    }

    /** BM25's inverse document frequency, as Lucene weighs a term. */
    static double idf(long documents, long frequency) {
        return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
    }

    /** What one hit holds of the query: the forms it matched, in query order, and where each query term occurs. */
    private static final class Held {
        final List<String> forms = new ArrayList<>();
        final Set<Integer> termsHeld = new HashSet<>();
        final List<Integer> positions = new ArrayList<>();
        final List<Integer> terms = new ArrayList<>();

        double weight(double[] weights) {
            return termsHeld.stream().mapToDouble(t -> weights[t]).sum();
        }

        int[] positions() {
            return positions.stream().mapToInt(Integer::intValue).toArray();
        }

        int[] terms() {
            return terms.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** What each hit holds, by document number, read from the postings of the query's terms (or spellings). */
    private static Map<Integer, Held> held(IndexReader reader, ScoreDoc[] hits, List<List<Term>> standsFor)
            throws IOException {
        int[] docs = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().toArray();
        Map<Integer, Held> byDoc = new HashMap<>();
        for (int doc : docs) {
            byDoc.put(doc, new Held());
        }
        List<LeafReaderContext> leaves = reader.leaves();
        for (int term = 0; term < standsFor.size(); term++) {
            for (Term form : standsFor.get(term)) {
                PostingsEnum postings = null;
                int leafIndex = -1;
                for (int doc : docs) {
                    int at = ReaderUtil.subIndex(doc, leaves);
                    if (at != leafIndex) {
                        leafIndex = at;
                        postings = leaves.get(at).reader().postings(form, PostingsEnum.POSITIONS);
                    }
                    int local = doc - leaves.get(at).docBase;
                    if (postings == null) {
                        continue;
                    }
                    int current = postings.docID() < local ? postings.advance(local) : postings.docID();
                    if (current == local) {
                        Held h = byDoc.get(doc);
                        h.forms.add(form.text());
                        h.termsHeld.add(term);
                        for (int i = 0; i < postings.freq(); i++) {
                            h.positions.add(postings.nextPosition());
                            h.terms.add(term);
                        }
                    }
                }
            }
        }
        return byDoc;
    }
}

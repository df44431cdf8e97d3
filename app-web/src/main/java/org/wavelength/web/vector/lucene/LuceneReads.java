package org.wavelength.web.vector.lucene;

import static org.wavelength.web.vector.lucene.LuceneSchema.HIT_FIELDS;
import static org.wavelength.web.vector.lucene.LuceneSchema.ID;
import static org.wavelength.web.vector.lucene.LuceneSchema.VECTOR;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.wavelength.core.port.VectorHit;

/**
 * The reads of one searcher: k-NN with an optional cap per podcast, and stored vectors (BM25 is
 * {@link LuceneKeyword}).
 *
 * <p><b>k-NN.</b> Scores are cosine similarities in [-1, 1]. The HNSW graphs use Lucene's defaults
 * (maxConn 16, beamWidth 100), but a search always explores at least {@value #MIN_CANDIDATES}
 * candidates per segment and then keeps the best {@code limit}. On {@code VectorSearchBenchmark}'s
 * 100,000 embedding-like vectors of 384 dimensions, asking HNSW for exactly 10 neighbours found 0.67
 * (one merged segment) to 0.86 (19 segments) of the true ten; 50 candidates found 0.98 to 0.99, 100
 * found 0.998 to 0.999, for about 0.2 ms (one segment) to 4 ms (19 segments) more per query. Widening
 * the search costs nothing at indexing time and needs no reindex, unlike a denser graph.
 *
 * <p><b>At most N per podcast.</b> The search oversamples ({@code limit * maxPerPodcast * 4}
 * candidates, four times more on each round while too few podcasts came back) and keeps at most that
 * many hits per podcast in score order; points without a podcast are not capped.
 */
final class LuceneReads {

    /** Candidates the HNSW search explores at least, per segment, before the best {@code limit} are kept. */
    static final int MIN_CANDIDATES = 100;

    private LuceneReads() {
    }

    /** The {@code limit} passing points nearest to {@code vector}, at most {@code maxPerPodcast} per podcast if set. */
    static List<VectorHit> nearest(IndexSearcher searcher, float[] vector, Query filter, int limit,
            Integer maxPerPodcast) throws IOException {
        if (limit <= 0) {
            return List.of();
        }
        if (maxPerPodcast == null) {
            return hits(searcher, knn(searcher, vector, filter, limit));
        }
        if (maxPerPodcast <= 0) {
            throw new IllegalArgumentException("maxPerPodcast must be positive, not " + maxPerPodcast);
        }
        int available = searcher.getIndexReader().numDocs();
        long wanted = (long) limit * maxPerPodcast * 4;
        while (true) {
            int fetch = (int) Math.min(wanted, Math.max(available, 1));
            ScoreDoc[] top = knn(searcher, vector, filter, fetch);
            List<VectorHit> kept = new ArrayList<>(limit);
            Map<Long, Integer> perPodcast = new HashMap<>();
            for (VectorHit hit : hits(searcher, top)) {
                if (hit.podcastId() == null || perPodcast.merge(hit.podcastId(), 1, Integer::sum) <= maxPerPodcast) {
                    kept.add(hit);
                    if (kept.size() == limit) {
                        break;
                    }
                }
            }
            if (kept.size() == limit || top.length < fetch || fetch >= available) {
                return kept;
            }
            wanted = wanted * 4;
        }
    }

    static Optional<float[]> vectorOf(IndexSearcher searcher, String pointId) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(ID, pointId)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        int doc = top.scoreDocs[0].doc;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        int local = doc - leaf.docBase;
        if (values == null || values.advance(local) != local) {
            return Optional.empty();
        }
        return Optional.of(values.vectorValue().clone());
    }

    /** The first {@code limit} passing points in index order (oldest segments first), read leaf by leaf. */
    static Map<String, float[]> vectors(IndexSearcher searcher, Query filter, int limit) throws IOException {
        if (limit <= 0) {
            return Map.of();
        }
        ScoreDoc[] top = searcher.search(filter, limit).scoreDocs;
        int[] docs = new int[top.length];
        for (int i = 0; i < top.length; i++) {
            docs[i] = top[i].doc;
        }
        Arrays.sort(docs); // vector values are read forwards only
        StoredFields fields = searcher.storedFields();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<String, float[]> vectors = new LinkedHashMap<>();
        FloatVectorValues values = null;
        int leafIndex = -1;
        for (int doc : docs) {
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leafIndex) {
                leafIndex = at;
                values = leaves.get(at).reader().getFloatVectorValues(VECTOR);
            }
            int local = doc - leaves.get(at).docBase;
            if (values == null) {
                continue;
            }
            int current = values.docID() < local ? values.advance(local) : values.docID();
            if (current == local) {
                vectors.put(fields.document(doc, Set.of(ID)).get(ID), values.vectorValue().clone());
            }
        }
        return vectors;
    }

    private static ScoreDoc[] knn(IndexSearcher searcher, float[] vector, Query filter, int limit) throws IOException {
        KnnFloatVectorQuery query = new KnnFloatVectorQuery(VECTOR, vector, Math.max(limit, MIN_CANDIDATES), filter);
        return searcher.search(query, limit).scoreDocs;
    }

    private static List<VectorHit> hits(IndexSearcher searcher, ScoreDoc[] top) throws IOException {
        StoredFields fields = searcher.storedFields();
        List<VectorHit> hits = new ArrayList<>(top.length);
        for (ScoreDoc scoreDoc : top) {
            hits.add(LuceneSchema.hit(fields.document(scoreDoc.doc, HIT_FIELDS), LuceneSchema.cosine(scoreDoc.score)));
        }
        return hits;
    }
}

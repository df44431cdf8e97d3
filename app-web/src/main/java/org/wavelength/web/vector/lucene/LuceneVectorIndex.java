package org.wavelength.web.vector.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorIndex;
import org.wavelength.core.port.VectorPoint;

/**
 * The embedded vector index: Lucene HNSW graphs with cosine similarity, in a folder of the data
 * directory.
 *
 * <p>Commit policy: every {@link #upsert} and {@link #delete} commits before it returns, so an
 * acknowledged write survives a crash of the process; near-real-time readers make it visible to
 * the next search at once. Callers batch their writes, which keeps the number of commits low.
 */
public class LuceneVectorIndex implements VectorIndex, Closeable {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String ENTITY_ID = "entity_id";
    static final String PODCAST_ID = "podcast_id";
    static final String LANGUAGE = "language";
    static final String CATEGORY = "category";
    static final String EXPLICIT = "explicit";
    static final String DURATION = "duration_seconds";
    static final String PUBLISHED = "published_at";
    static final String VECTOR = "vector";

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public LuceneVectorIndex(Path folder) {
        try {
            directory = FSDirectory.open(folder);
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the vector index in " + folder, e);
        }
    }

    @Override
    public void upsert(List<VectorPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        try {
            for (VectorPoint point : points) {
                writer.updateDocument(new Term(ID, point.id()), document(point));
            }
            publish();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to the vector index failed", e);
        }
    }

    @Override
    public void delete(Collection<String> pointIds) {
        if (pointIds.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(pointIds.stream().map(id -> new Term(ID, id)).toArray(Term[]::new));
            publish();
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting from the vector index failed", e);
        }
    }

    @Override
    public List<VectorHit> search(float[] vector, VectorFilter filter, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, limit, filterQuery(filter)), limit);
            StoredFields fields = searcher.storedFields();
            List<VectorHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                Document doc = fields.document(scoreDoc.doc);
                var podcastId = doc.getField(PODCAST_ID);
                hits.add(new VectorHit(doc.get(ID), ItemKind.valueOf(doc.get(KIND)),
                        doc.getField(ENTITY_ID).numericValue().longValue(),
                        podcastId == null ? null : podcastId.numericValue().longValue(),
                        // Lucene scores cosine as (1 + cos) / 2; the port speaks plain cosine.
                        2.0 * scoreDoc.score - 1.0));
            }
            return hits;
        });
    }

    @Override
    public Optional<float[]> vectorOf(String pointId) {
        return withSearcher(searcher -> {
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
        });
    }

    @Override
    public long count(VectorFilter filter) {
        return withSearcher(searcher -> (long) searcher.count(filterQuery(filter)));
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close(); // commits what is pending
        directory.close();
    }

    private void publish() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document document(VectorPoint point) {
        Document doc = new Document();
        doc.add(new StringField(ID, point.id(), Field.Store.YES));
        doc.add(new StringField(KIND, point.kind().name(), Field.Store.YES));
        doc.add(new StoredField(ENTITY_ID, point.entityId()));
        if (point.podcastId() != null) {
            doc.add(new StoredField(PODCAST_ID, point.podcastId()));
            doc.add(new LongPoint(PODCAST_ID, point.podcastId()));
        }
        if (point.language() != null) {
            doc.add(new StringField(LANGUAGE, point.language(), Field.Store.YES));
        }
        for (String category : point.categories()) {
            doc.add(new StringField(CATEGORY, category, Field.Store.YES));
        }
        doc.add(new StringField(EXPLICIT, Boolean.toString(point.explicit()), Field.Store.YES));
        if (point.durationSeconds() != null) {
            doc.add(new IntPoint(DURATION, point.durationSeconds()));
            doc.add(new StoredField(DURATION, point.durationSeconds()));
        }
        if (point.publishedAt() != null) {
            doc.add(new LongPoint(PUBLISHED, point.publishedAt().getEpochSecond()));
            doc.add(new StoredField(PUBLISHED, point.publishedAt().getEpochSecond()));
        }
        doc.add(new KnnFloatVectorField(VECTOR, point.vector(), VectorSimilarityFunction.COSINE));
        return doc;
    }

    static Query filterQuery(VectorFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(filter.kind() == null ? new MatchAllDocsQuery() : new TermQuery(new Term(KIND, filter.kind().name())), Occur.FILTER);
        if (filter.language() != null) {
            query.add(new TermQuery(new Term(LANGUAGE, filter.language())), Occur.FILTER);
        }
        for (String excluded : filter.excludedIds()) {
            query.add(new TermQuery(new Term(ID, excluded)), Occur.MUST_NOT);
        }
        return query.build();
    }

    private <T> T withSearcher(SearchFunction<T> function) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the vector index failed", e);
        }
    }

    @FunctionalInterface
    private interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}

package org.wavelength.web.vector.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

/**
 * How a point lives in a Lucene document: the field names, the document a point is indexed as, the
 * hit its stored fields read back as, and the terms of a keyword query. Pure functions: no index needed.
 *
 * <p>Every payload field is stored; the filterable ones are also indexed (keywords as terms, numbers
 * as points; see {@link LuceneFilterMapper}). The text is indexed for BM25 and not stored; the vector
 * is an HNSW field compared by cosine.
 */
final class LuceneSchema {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String ENTITY_ID = "entity_id";
    static final String PODCAST_ID = "podcast_id";
    static final String EPISODE_ID = "episode_id";
    static final String LANGUAGE = "language";
    static final String CATEGORY = "category";
    static final String EXPLICIT = "explicit";
    static final String DURATION = "duration_seconds";
    static final String PUBLISHED = "published_at";
    static final String START = "start";
    static final String END = "end";
    static final String TEXT = "text";
    static final String VECTOR = "vector";

    /** The stored fields a hit is made of; the rest of a document is not read back. */
    static final Set<String> HIT_FIELDS = Set.of(ID, KIND, ENTITY_ID, PODCAST_ID, EPISODE_ID, START, END);

    /** Terms of a keyword query beyond these are ignored: a pasted page must not become a huge query. */
    static final int MAX_KEYWORD_TERMS = 256;

    private LuceneSchema() {
    }

    /** The document of a point. The collection checks the vector's dimension; this checks the id and kind. */
    static Document document(VectorPoint point) {
        PointPayload payload = point.payload();
        if (point.id() == null || point.id().isBlank() || payload == null || payload.kind() == null) {
            throw new IllegalArgumentException("A point needs an id and a kind: " + point);
        }
        Document doc = new Document();
        doc.add(new StringField(ID, point.id(), Field.Store.YES));
        doc.add(new StringField(KIND, payload.kind().name(), Field.Store.YES));
        doc.add(new StoredField(ENTITY_ID, payload.entityId()));
        // Stored before indexed: a document's first field of a name is the one getField reads.
        if (payload.podcastId() != null) {
            doc.add(new StoredField(PODCAST_ID, payload.podcastId()));
            doc.add(new LongPoint(PODCAST_ID, payload.podcastId()));
        }
        if (payload.episodeId() != null) {
            doc.add(new StoredField(EPISODE_ID, payload.episodeId()));
            doc.add(new LongPoint(EPISODE_ID, payload.episodeId()));
        }
        if (payload.language() != null) {
            doc.add(new StringField(LANGUAGE, payload.language(), Field.Store.YES));
        }
        for (String category : payload.categories()) {
            doc.add(new StringField(CATEGORY, category, Field.Store.YES));
        }
        doc.add(new StringField(EXPLICIT, Boolean.toString(payload.explicit()), Field.Store.YES));
        if (payload.durationSeconds() != null) {
            doc.add(new StoredField(DURATION, payload.durationSeconds()));
            doc.add(new IntPoint(DURATION, payload.durationSeconds()));
        }
        if (payload.publishedAt() != null) {
            doc.add(new StoredField(PUBLISHED, payload.publishedAt().getEpochSecond()));
            doc.add(new LongPoint(PUBLISHED, payload.publishedAt().getEpochSecond()));
        }
        if (payload.start() != null) {
            doc.add(new StoredField(START, payload.start()));
        }
        if (payload.end() != null) {
            doc.add(new StoredField(END, payload.end()));
        }
        if (point.text() != null && !point.text().isBlank()) {
            doc.add(new TextField(TEXT, point.text(), Field.Store.NO));
        }
        doc.add(new KnnFloatVectorField(VECTOR, point.vector(), VectorSimilarityFunction.COSINE));
        return doc;
    }

    /** The hit of a document's {@link #HIT_FIELDS}, with {@code score}. */
    static VectorHit hit(Document doc, double score) {
        return new VectorHit(doc.get(ID), ItemKind.valueOf(doc.get(KIND)), longValue(doc, ENTITY_ID),
                longValue(doc, PODCAST_ID), longValue(doc, EPISODE_ID), doubleValue(doc, START), doubleValue(doc, END),
                score);
    }

    /** The cosine similarity of a k-NN score: Lucene scores cosine as {@code (1 + cos) / 2}. */
    static double cosine(float score) {
        return Math.max(-1.0, Math.min(1.0, 2.0 * score - 1.0));
    }

    /**
     * The text's distinct terms, in order, as {@code analyzer} splits it (the analyzer the collection
     * was indexed with, or the terms would not meet); at most {@link #MAX_KEYWORD_TERMS}.
     */
    static List<String> keywordTerms(Analyzer analyzer, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_KEYWORD_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse the keyword query", e); // a String reader does not fail
        }
        return List.copyOf(terms);
    }

    private static Long longValue(Document doc, String field) {
        IndexableField value = doc.getField(field);
        return value == null ? null : value.numericValue().longValue();
    }

    private static Double doubleValue(Document doc, String field) {
        IndexableField value = doc.getField(field);
        return value == null ? null : value.numericValue().doubleValue();
    }
}

package org.wavelength.web.vector.lucene;

import static org.wavelength.web.vector.lucene.LuceneSchema.CATEGORY;
import static org.wavelength.web.vector.lucene.LuceneSchema.DURATION;
import static org.wavelength.web.vector.lucene.LuceneSchema.EXPLICIT;
import static org.wavelength.web.vector.lucene.LuceneSchema.ID;
import static org.wavelength.web.vector.lucene.LuceneSchema.KIND;
import static org.wavelength.web.vector.lucene.LuceneSchema.LANGUAGE;
import static org.wavelength.web.vector.lucene.LuceneSchema.PODCAST_ID;
import static org.wavelength.web.vector.lucene.LuceneSchema.PUBLISHED;

import java.util.Collection;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.wavelength.core.port.VectorFilter;

/**
 * The Lucene query of a {@link VectorFilter}, over the fields {@link LuceneSchema} indexes. Pure.
 *
 * <p>Every set field is a non-scoring {@code FILTER} clause: categories and podcasts match any of the
 * given values; duration bounds are inclusive; {@code publishedAfter} is inclusive at one-second
 * precision (a point published at that very second passes). A point without a duration (or a
 * publication date) does not pass a duration (or publication) filter. Excluded ids and podcasts are
 * {@code MUST_NOT} clauses.
 */
final class LuceneFilterMapper {

    private LuceneFilterMapper() {
    }

    /** The points passing {@code filter}; every point for a null filter. */
    static Query query(VectorFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
        if (filter == null) {
            return query.build();
        }
        if (filter.kind() != null) {
            query.add(new TermQuery(new Term(KIND, filter.kind().name())), Occur.FILTER);
        }
        if (filter.language() != null) {
            query.add(new TermQuery(new Term(LANGUAGE, filter.language())), Occur.FILTER);
        }
        if (!filter.podcastIds().isEmpty()) {
            query.add(LongPoint.newSetQuery(PODCAST_ID, filter.podcastIds()), Occur.FILTER);
        }
        if (!filter.categories().isEmpty()) {
            query.add(new TermInSetQuery(CATEGORY, filter.categories().stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
        }
        if (filter.explicit() != null) {
            query.add(new TermQuery(new Term(EXPLICIT, filter.explicit().toString())), Occur.FILTER);
        }
        if (filter.minDurationSeconds() != null || filter.maxDurationSeconds() != null) {
            int min = filter.minDurationSeconds() == null ? Integer.MIN_VALUE : filter.minDurationSeconds();
            int max = filter.maxDurationSeconds() == null ? Integer.MAX_VALUE : filter.maxDurationSeconds();
            query.add(IntPoint.newRangeQuery(DURATION, min, max), Occur.FILTER);
        }
        if (filter.publishedAfter() != null) {
            // Stored in whole seconds: a bound within a second passes only the points of the next one.
            long after = filter.publishedAfter().getEpochSecond() + (filter.publishedAfter().getNano() > 0 ? 1 : 0);
            query.add(LongPoint.newRangeQuery(PUBLISHED, after, Long.MAX_VALUE), Occur.FILTER);
        }
        if (!filter.excludedIds().isEmpty()) {
            query.add(ids(filter.excludedIds()), Occur.MUST_NOT);
        }
        if (!filter.excludedPodcastIds().isEmpty()) {
            query.add(LongPoint.newSetQuery(PODCAST_ID, filter.excludedPodcastIds()), Occur.MUST_NOT);
        }
        return query.build();
    }

    /** The points with any of these ids. */
    static Query ids(Collection<String> ids) {
        return new TermInSetQuery(ID, ids.stream().map(BytesRef::new).toList());
    }
}

package org.wavelength.web.vector.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.VectorFilter;

/** Every field of a port filter as its Lucene clause, without an index. */
class LuceneFilterMapperTest {

    static final BooleanClause ALL = new BooleanClause(new MatchAllDocsQuery(), Occur.FILTER);

    static List<BooleanClause> clauses(VectorFilter filter) {
        return ((BooleanQuery) LuceneFilterMapper.query(filter)).clauses();
    }

    static BooleanClause filter(Query query) {
        return new BooleanClause(query, Occur.FILTER);
    }

    static BooleanClause mustNot(Query query) {
        return new BooleanClause(query, Occur.MUST_NOT);
    }

    static Query terms(String field, String... values) {
        return new TermInSetQuery(field, List.of(values).stream().map(BytesRef::new).toList());
    }

    @Test
    void noFilterPassesEveryPoint() {
        assertThat(clauses(null)).containsExactly(ALL);
        assertThat(clauses(VectorFilter.ALL)).containsExactly(ALL);
    }

    @Test
    void keywordsMatchTheirTerms() {
        assertThat(clauses(VectorFilter.kind(ItemKind.EPISODE).withLanguage("de").withExplicit(false)))
                .containsExactlyInAnyOrder(ALL,
                        filter(new TermQuery(new Term(LuceneSchema.KIND, "EPISODE"))),
                        filter(new TermQuery(new Term(LuceneSchema.LANGUAGE, "de"))),
                        filter(new TermQuery(new Term(LuceneSchema.EXPLICIT, "false"))));
    }

    @Test
    void setsMatchAnyOfTheirValues() {
        assertThat(clauses(VectorFilter.ALL.withPodcasts(Set.of(3L, 1L)).withCategories(Set.of("News", "Comedy"))))
                .containsExactlyInAnyOrder(ALL,
                        filter(LongPoint.newSetQuery(LuceneSchema.PODCAST_ID, 1L, 3L)),
                        filter(terms(LuceneSchema.CATEGORY, "Comedy", "News")));
    }

    @Test
    void durationBoundsAreInclusiveAndOpenWhereNotSet() {
        assertThat(clauses(VectorFilter.ALL.withDuration(600, 1800))).contains(
                filter(IntPoint.newRangeQuery(LuceneSchema.DURATION, 600, 1800)));
        assertThat(clauses(VectorFilter.ALL.withDuration(600, null))).contains(
                filter(IntPoint.newRangeQuery(LuceneSchema.DURATION, 600, Integer.MAX_VALUE)));
        assertThat(clauses(VectorFilter.ALL.withDuration(null, 1800))).contains(
                filter(IntPoint.newRangeQuery(LuceneSchema.DURATION, Integer.MIN_VALUE, 1800)));
    }

    @Test
    void publishedAfterIsInclusiveInWholeSeconds() {
        long second = Instant.parse("2024-03-01T00:00:00Z").getEpochSecond();

        assertThat(clauses(VectorFilter.ALL.withPublishedAfter(Instant.parse("2024-03-01T00:00:00Z")))).contains(
                filter(LongPoint.newRangeQuery(LuceneSchema.PUBLISHED, second, Long.MAX_VALUE)));
        assertThat(clauses(VectorFilter.ALL.withPublishedAfter(Instant.parse("2024-03-01T00:00:00.001Z"))))
                .as("a point stored at that second was published before the bound").contains(
                        filter(LongPoint.newRangeQuery(LuceneSchema.PUBLISHED, second + 1, Long.MAX_VALUE)));
    }

    @Test
    void exclusionsAreMustNot() {
        assertThat(clauses(VectorFilter.ALL.excluding("a").excluding("b").excludingPodcasts(Set.of(5L))))
                .containsExactlyInAnyOrder(ALL,
                        mustNot(terms(LuceneSchema.ID, "a", "b")),
                        mustNot(LongPoint.newSetQuery(LuceneSchema.PODCAST_ID, 5L)));
    }

    @Test
    void idsMatchAnyOfThem() {
        assertThat(LuceneFilterMapper.ids(List.of("b", "a"))).isEqualTo(terms(LuceneSchema.ID, "a", "b"));
    }
}

package org.wavelength.web.vector.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

/** Points as documents and documents as hits, without an index. */
class LuceneSchemaTest {

    static final float[] VECTOR = {0.6f, 0.8f};

    static VectorPoint passage(String text) {
        return new VectorPoint(PointIds.of(ItemKind.PASSAGE, 42), new PointPayload(ItemKind.PASSAGE, 42, 7L, 9L, "en",
                List.of("Science", "History"), true, 1800, Instant.parse("2024-05-01T08:00:00.5Z"), 12.5, 30.0), text,
                VECTOR);
    }

    static VectorPoint podcast() {
        return new VectorPoint(PointIds.of(ItemKind.PODCAST, 7), new PointPayload(ItemKind.PODCAST, 7, 7L, null, null,
                null, false, null, null, null, null), null, VECTOR);
    }

    static List<Class<?>> types(Document doc, String field) {
        return Arrays.stream(doc.getFields(field)).<Class<?>>map(IndexableField::getClass).toList();
    }

    @Test
    void aDocumentIndexesEveryFilterFieldAndStoresThePayload() {
        Document doc = LuceneSchema.document(passage("some words"));

        assertThat(doc.get(LuceneSchema.ID)).isEqualTo(PointIds.of(ItemKind.PASSAGE, 42));
        assertThat(doc.get(LuceneSchema.KIND)).isEqualTo("PASSAGE");
        assertThat(doc.get(LuceneSchema.LANGUAGE)).isEqualTo("en");
        assertThat(doc.getValues(LuceneSchema.CATEGORY)).containsExactly("Science", "History");
        assertThat(doc.get(LuceneSchema.EXPLICIT)).isEqualTo("true");
        assertThat(types(doc, LuceneSchema.PODCAST_ID)).contains(LongPoint.class);
        assertThat(types(doc, LuceneSchema.EPISODE_ID)).contains(LongPoint.class);
        assertThat(types(doc, LuceneSchema.DURATION)).contains(IntPoint.class);
        assertThat(types(doc, LuceneSchema.PUBLISHED)).contains(LongPoint.class);
        assertThat(doc.getField(LuceneSchema.PUBLISHED).numericValue()).isEqualTo(
                Instant.parse("2024-05-01T08:00:00Z").getEpochSecond());
        IndexableField text = doc.getField(LuceneSchema.TEXT);
        assertThat(text.stringValue()).isEqualTo("some words");
        assertThat(text.fieldType().stored()).as("the text is indexed, not stored").isFalse();
        KnnFloatVectorField vector = (KnnFloatVectorField) doc.getField(LuceneSchema.VECTOR);
        assertThat(vector.vectorValue()).containsExactly(VECTOR);
        assertThat(vector.fieldType().vectorSimilarityFunction()).isEqualTo(VectorSimilarityFunction.COSINE);
    }

    @Test
    void absentFieldsAndBlankTextAreLeftOut() {
        Document doc = LuceneSchema.document(podcast());

        assertThat(doc.getField(LuceneSchema.EPISODE_ID)).isNull();
        assertThat(doc.getField(LuceneSchema.LANGUAGE)).isNull();
        assertThat(doc.getField(LuceneSchema.CATEGORY)).isNull();
        assertThat(doc.getField(LuceneSchema.DURATION)).isNull();
        assertThat(doc.getField(LuceneSchema.PUBLISHED)).isNull();
        assertThat(doc.getField(LuceneSchema.START)).isNull();
        assertThat(doc.getField(LuceneSchema.TEXT)).isNull();
        assertThat(LuceneSchema.document(passage("  ")).getField(LuceneSchema.TEXT)).isNull();
    }

    @Test
    void aHitReadsThePayloadBack() {
        assertThat(LuceneSchema.hit(LuceneSchema.document(passage(null)), 0.25)).isEqualTo(
                new VectorHit(PointIds.of(ItemKind.PASSAGE, 42), ItemKind.PASSAGE, 42, 7L, 9L, 12.5, 30.0, 0.25));
        assertThat(LuceneSchema.hit(LuceneSchema.document(podcast()), 1)).isEqualTo(
                new VectorHit(PointIds.of(ItemKind.PODCAST, 7), ItemKind.PODCAST, 7, 7L, null, null, null, 1));
    }

    @Test
    void aPointNeedsAnIdAndAKind() {
        VectorPoint noId = new VectorPoint(" ", podcast().payload(), null, VECTOR);
        VectorPoint noKind = new VectorPoint("x", new PointPayload(null, 1, null, null, null, null, false, null, null,
                null, null), null, VECTOR);

        assertThatThrownBy(() -> LuceneSchema.document(noId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LuceneSchema.document(noKind)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knnScoresBecomeCosines() {
        assertThat(LuceneSchema.cosine(1f)).isEqualTo(1.0);
        assertThat(LuceneSchema.cosine(0.5f)).isEqualTo(0.0);
        assertThat(LuceneSchema.cosine(0.9f)).isCloseTo(0.8, within(1e-6));
        assertThat(LuceneSchema.cosine(0f)).isEqualTo(-1.0);
        assertThat(LuceneSchema.cosine(1.0001f)).as("rounding never leaves [-1, 1]").isEqualTo(1.0);
    }

    @Test
    void aKeywordQueryHasTheTextsTermsOnceInTheirOrder() {
        StandardAnalyzer analyzer = new StandardAnalyzer();

        assertThat(LuceneSchema.keywordTerms(analyzer, "Gardening: GARDENING tomatoes!"))
                .containsExactly("gardening", "tomatoes");
        assertThat(LuceneSchema.keywordTerms(analyzer, " ?! ")).isEmpty();
        assertThat(LuceneSchema.keywordTerms(analyzer, null)).isEmpty();
        String pastedPage = IntStream.range(0, 1000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        assertThat(LuceneSchema.keywordTerms(analyzer, pastedPage)).hasSize(LuceneSchema.MAX_KEYWORD_TERMS)
                .startsWith("w0", "w1");
    }
}

package org.wavelength.web.vector.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;

/** Keyword search in the Chinese segment: words, not single characters. */
class TextAnalysisTest {

    static final String CHINESE = Segments.collection("zh", "bge-small-zh-v15-q", 1);
    static final String REBUILT = Segments.collection("zh", "bge-small-zh-v15-q", 2);

    @TempDir
    Path folder;

    static VectorPoint episode(long id, String text) {
        return new VectorPoint(PointIds.of(ItemKind.EPISODE, id), new PointPayload(ItemKind.EPISODE, id, 1L, id, "zh",
                List.of(), false, null, null, null, null), text, new float[] {1, 0});
    }

    /** Holds 音乐 (music), 古典音乐 (classical music) or neither: the others only share characters with them. */
    static final List<VectorPoint> EPISODES = List.of(
            episode(1, "我喜欢听古典音乐"),            // I like listening to classical music
            episode(2, "流行音乐排行榜"),              // the pop music charts
            episode(3, "快乐的声音，快乐的日子，欢乐的古老典故"), // happy sounds, happy days, an old tale
            episode(4, "音量太大了"));                 // the volume is too loud

    static List<Long> keyword(LuceneVectorStore store, String collection, String text) {
        return store.keyword(collection, text, VectorFilter.ALL, 10).stream().map(VectorHit::entityId).toList();
    }

    @Test
    void aChineseWordMatchesTheWordNotItsCharacters() throws IOException {
        try (var store = new LuceneVectorStore(folder)) {
            store.createCollection(CHINESE, 2);
            store.upsert(CHINESE, EPISODES);

            // With one term per character, 3 (both characters, apart, often) and 4 (音) would match too.
            assertThat(keyword(store, CHINESE, "音乐")).containsExactlyInAnyOrder(1L, 2L);
            assertThat(keyword(store, CHINESE, "古典音乐")).containsExactly(1L, 2L);
            assertThat(keyword(store, CHINESE, "快乐")).containsExactly(3L);
        }
    }

    @Test
    void aCollectionKeepsTheAnalysisItWasCreatedWith() throws IOException {
        createdBeforeAnalysisWasChosenPerSegment(folder.resolve(CHINESE), EPISODES);
        try (var store = new LuceneVectorStore(folder)) {
            assertThat(keyword(store, CHINESE, "音乐")).as("one term per character, as it was indexed")
                    .contains(1L, 2L, 3L, 4L);

            store.createCollection(REBUILT, 2); // what a rebuild of the segment does
            store.upsert(REBUILT, EPISODES);
            assertThat(keyword(store, REBUILT, "音乐")).containsExactlyInAnyOrder(1L, 2L);
        }
        try (var store = new LuceneVectorStore(folder)) {
            assertThat(keyword(store, REBUILT, "音乐")).as("after a restart").containsExactlyInAnyOrder(1L, 2L);
        }
    }

    @Test
    void theChineseJapaneseAndKoreanSegmentsGetCjkBigrams() {
        assertThat(TextAnalysis.forCollection(CHINESE)).isEqualTo(TextAnalysis.CJK);
        assertThat(TextAnalysis.forCollection(Segments.collection("ja", "mini", 1))).isEqualTo(TextAnalysis.CJK);
        assertThat(TextAnalysis.forCollection(Segments.collection("ko", "mini", 3))).isEqualTo(TextAnalysis.CJK);
        assertThat(TextAnalysis.forCollection(Segments.collection("en", "all-minilm-l6-v2-q", 1)))
                .isEqualTo(TextAnalysis.STANDARD);
        assertThat(TextAnalysis.forCollection(Segments.collection(Segments.UNDETERMINED, "mini", 1)))
                .isEqualTo(TextAnalysis.STANDARD);
        assertThat(TextAnalysis.forCollection("zh")).as("not a segment's collection").isEqualTo(TextAnalysis.STANDARD);
    }

    /** A collection as the store wrote it before: the standard analyzer, and only the dimension recorded. */
    static void createdBeforeAnalysisWasChosenPerSegment(Path path, List<VectorPoint> points) throws IOException {
        try (FSDirectory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (VectorPoint point : points) {
                writer.addDocument(LuceneSchema.document(point));
            }
            writer.setLiveCommitData(Map.of("wavelength.dimension", "2").entrySet());
            writer.commit();
        }
    }
}

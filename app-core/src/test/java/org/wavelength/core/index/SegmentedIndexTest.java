package org.wavelength.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wavelength.core.index.IndexFixtures.document;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorQuery;

class SegmentedIndexTest {

    InMemoryVectorStore store = new InMemoryVectorStore();
    Fixtures.TableEmbedder english = new Fixtures.TableEmbedder("mini", 3);
    Fixtures.TableEmbedder chinese = new Fixtures.TableEmbedder("zh-model", 5);
    Fixtures.FixedEmbedders embedders = new Fixtures.FixedEmbedders(english, chinese);
    SegmentedIndex index = new SegmentedIndex(store, embedders);

    @Test
    void eachLanguageGetsItsOwnSegmentWithItsModel() {
        embedders.modelBySegment.put("zh", "zh-model");
        index.write(List.of(document(1, "en-US"), document(2, "zh-CN"), document(3, "en"), document(4, null)));

        assertThat(store.collections()).containsExactlyInAnyOrder("wavelength_en_mini_v1", "wavelength_zh_zh-model_v1",
                "wavelength_und_mini_v1");
        assertThat(index.serving("en")).hasValue("wavelength_en_mini_v1");
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(2);
        assertThat(index.count("zh", VectorFilter.ALL)).isEqualTo(1);
        assertThat(index.vectorOf("zh", PointIds.of(ItemKind.EPISODE, 2))).hasValueSatisfying(v -> assertThat(v).hasSize(5));
        assertThat(index.segments()).containsExactly("en", "und", "zh");
    }

    @Test
    void aChangeInOneLanguageTouchesOnlyItsSegment() {
        index.write(List.of(document(1, "en"), document(2, "de")));
        store.upserts.clear();
        index.write(List.of(document(3, "de")));
        index.delete("de", List.of(PointIds.of(ItemKind.EPISODE, 2)));
        assertThat(store.upserts).containsOnly("wavelength_de_mini_v1");
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(1);
    }

    @Test
    void queriesAreEmbeddedWithTheModelThatServesTheSegment() {
        embedders.modelBySegment.put("zh", "zh-model");
        index.write(List.of(document(2, "zh")));
        assertThat(index.embedQuery("zh", "问题")).hasValueSatisfying(v -> assertThat(v).hasSize(5));
        assertThat(index.embedQuery("fr", "question")).isEmpty();
        assertThat(index.search("fr", VectorQuery.of(new float[] {1, 1, 1}, VectorFilter.ALL, 5))).isEmpty();
    }

    @Test
    void whileASegmentIsRebuiltWritesGoToBothCollectionsEachWithItsModel() {
        index.write(List.of(document(1, "en")));
        store.createCollection("wavelength_en_zh-model_v2", 5);
        store.setAlias(Segments.nextAlias("en"), "wavelength_en_zh-model_v2");

        index.write(List.of(document(2, "en")));

        assertThat(store.collection("wavelength_en_mini_v1")).containsKey(PointIds.of(ItemKind.EPISODE, 2));
        assertThat(store.collection("wavelength_en_zh-model_v2").get(PointIds.of(ItemKind.EPISODE, 2)).vector()).hasSize(5);
    }
}

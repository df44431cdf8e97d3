package org.wavelength.web.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wavelength.core.port.Embedder;

/** Plain JUnit: the models are loaded from their Maven artifacts, no application is started. */
class SegmentEmbeddersTest {

    record Config(Map<String, String> models, String defaultModel) implements EmbeddingConfig {
    }

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SegmentEmbedders embedders;

    @AfterEach
    void close() {
        if (embedders != null) {
            embedders.close();
        }
    }

    SegmentEmbedders embedders(Map<String, String> models, String defaultModel) {
        embedders = new SegmentEmbedders(new Config(models, defaultModel), registry);
        return embedders;
    }

    @Test
    void eachSegmentGetsItsModelAndTheOthersTheDefault() {
        embedders(Map.of("en", "all-minilm-l6-v2-q", "zh", "bge-small-zh-v15-q"), "all-minilm-l6-v2");

        assertThat(embedders.forSegment("en").modelName()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(embedders.forSegment("zh").modelName()).isEqualTo("bge-small-zh-v15-q");
        assertThat(embedders.forSegment("fr").modelName()).isEqualTo("all-minilm-l6-v2");
        assertThat(embedders.forSegment("und").modelName()).isEqualTo("all-minilm-l6-v2");
        assertThat(embedders.forModel("bge-small-zh-v15-q")).isSameAs(embedders.forSegment("zh"));
    }

    @Test
    void oneEmbedderPerModelSharedAcrossSegmentsAndLoadedOnlyWhenUsed() {
        embedders(Map.of("en", "all-minilm-l6-v2-q", "de", "all-minilm-l6-v2-q"), "all-minilm-l6-v2-q");

        Embedder en = embedders.forSegment("en");
        assertThat(embedders.forSegment("de")).isSameAs(en);
        assertThat(embedders.forSegment("und")).isSameAs(en);
        assertThat(embedders.forModel("all-minilm-l6-v2-q")).isSameAs(en);
        assertThat(((ModelEmbedder) en).loaded()).isFalse();
    }

    @Test
    void concurrentFirstUsesLoadTheModelOnce() throws Exception {
        embedders(Map.of(), "all-minilm-l6-v2-q");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> calls = IntStream.range(0, 8).<Callable<Object>>mapToObj(i -> () -> {
                ModelEmbedder embedder = (ModelEmbedder) embedders.forSegment(i % 2 == 0 ? "en" : "und");
                embedder.embed("a podcast about gardening");
                return embedder.model();
            }).toList();
            Set<Object> models = new HashSet<>();
            for (Future<Object> f : pool.invokeAll(calls)) {
                models.add(f.get());
            }
            assertThat(models).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownModelsAreRefused() {
        assertThatThrownBy(() -> embedders(Map.of("en", "all-minilm-l12-v2"), "all-minilm-l6-v2-q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wavelength.embedding.models.en")
                .hasMessageContaining("all-minilm-l12-v2")
                .hasMessageContaining("all-minilm-l6-v2, all-minilm-l6-v2-q, bge-small-zh-v15-q");
        assertThatThrownBy(() -> embedders(Map.of(), "AllMiniLmL6V2QuantizedEmbeddingModel"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wavelength.embedding.default-model");
        assertThatThrownBy(() -> embedders(Map.of("en-US", "all-minilm-l6-v2-q"), "all-minilm-l6-v2-q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wavelength.embedding.models.en-US");
        assertThatThrownBy(() -> embedders(Map.of(), "all-minilm-l6-v2-q").forModel("e5-small-v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e5-small-v2");
    }

    @Test
    void theMappingReadsTheDocumentedKeys() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(EmbeddingConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(
                        "wavelength.embedding.models.en", "all-minilm-l6-v2",
                        "wavelength.embedding.models.zh", "bge-small-zh-v15-q"), "test", 100))
                .build();
        EmbeddingConfig mapping = config.getConfigMapping(EmbeddingConfig.class);

        assertThat(mapping.models()).containsExactlyInAnyOrderEntriesOf(
                Map.of("en", "all-minilm-l6-v2", "zh", "bge-small-zh-v15-q"));
        assertThat(mapping.defaultModel()).isEqualTo("all-minilm-l6-v2-q");

        EmbeddingConfig nothingSet = new SmallRyeConfigBuilder().withMapping(EmbeddingConfig.class).build()
                .getConfigMapping(EmbeddingConfig.class);
        assertThat(nothingSet.models()).isEmpty();
        assertThat(nothingSet.defaultModel()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    void chineseQueriesAreClosestToRelatedChineseText() {
        Embedder zh = embedders(Map.of("zh", "bge-small-zh-v15-q"), "all-minilm-l6-v2-q").forSegment("zh");
        List<float[]> vectors = zh.embedAll(List.of(
                "怎么在家做好吃的中国菜",
                "这档播客每周教你做一道简单的家常菜，从红烧肉到麻婆豆腐",
                "本期节目讨论股票市场的波动和长期投资策略"));

        assertThat(zh.dimension()).isEqualTo(512);
        assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(512));
        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(cosine(vectors.get(0), vectors.get(2)) + 0.05);
    }

    @Test
    void batchesAreTimedByModel() {
        Embedder en = embedders(Map.of(), "all-minilm-l6-v2-q").forSegment("en");
        List<float[]> vectors = en.embedAll(List.of("true crime stories", " ", "the history of Rome"));
        assertThat(en.embedAll(List.of())).isEmpty();

        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(384));
        assertThat(registry.get(ModelEmbedder.TIMER).tag("model", "all-minilm-l6-v2-q").timer().count()).isEqualTo(1);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}

package org.wavelength.web.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wavelength.core.port.Embedder;

/** The in-process embedding model that quarkus-langchain4j provides, behind the core's port. */
@ApplicationScoped
public class LangChain4jEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final String name;
    private final Timer timer;

    public LangChain4jEmbedder(EmbeddingModel model, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.langchain4j.embedding-model.provider") String provider) {
        this.model = model;
        // In-process models do not name themselves; the configured class does.
        this.name = provider.substring(provider.lastIndexOf('.') + 1);
        this.timer = Timer.builder("wavelength.embedding.batch").description("Time to embed one batch of texts")
                .register(registry);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? " " : t)).toList();
        List<Embedding> embeddings = timer.record(() -> model.embedAll(segments).content());
        return embeddings.stream().map(Embedding::vector).toList();
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }
}

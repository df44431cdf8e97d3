package org.wavelength.web.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.Executor;
import org.wavelength.core.port.Embedder;

/**
 * One in-process model behind the core's port. The model is loaded on first use (not when the
 * embedder is made), once, whichever thread gets there first. Each batch is timed in
 * {@code wavelength.embedding.batch}, tagged with the model id.
 */
final class ModelEmbedder implements Embedder {

    static final String TIMER = "wavelength.embedding.batch";
    static final String BLANK = ".";

    private final InProcessModel kind;
    private final Executor executor;
    private final Timer timer;
    private volatile EmbeddingModel model;

    ModelEmbedder(InProcessModel kind, Executor executor, MeterRegistry registry) {
        this.kind = kind;
        this.executor = executor;
        this.timer = Timer.builder(TIMER).description("Time to embed one batch of texts").tag("model", kind.id())
                .register(registry);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        // LangChain4j refuses blank segments (" " too); a blank text gets the vector of a neutral one,
        // valid for cosine (a zero vector is not), so that one empty item does not fail its batch.
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t == null || t.isBlank() ? BLANK : t))
                .toList();
        EmbeddingModel loaded = model();
        List<Embedding> embeddings = timer.record(() -> loaded.embedAll(segments).content());
        return embeddings.stream().map(Embedding::vector).toList();
    }

    @Override
    public String modelName() {
        return kind.id();
    }

    @Override
    public int dimension() {
        return model().dimension();
    }

    /** The LangChain4j model itself, loaded if it was not yet. */
    EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = kind.create(executor);
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    boolean loaded() {
        return model != null;
    }
}

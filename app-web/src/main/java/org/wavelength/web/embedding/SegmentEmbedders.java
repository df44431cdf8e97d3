package org.wavelength.web.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.Embedders;

/**
 * The model of each language segment, by configuration ({@link EmbeddingConfig}). Each model id has
 * one embedder, shared by every segment that uses it; its model is loaded on first use. The
 * configuration is checked at startup (an unknown model id or a malformed segment stops the
 * application), the models are not loaded then.
 */
@Startup
@ApplicationScoped
public class SegmentEmbedders implements Embedders, AutoCloseable {

    private final Map<String, InProcessModel> bySegment;
    private final InProcessModel defaultModel;
    private final MeterRegistry registry;
    private final ThreadPoolExecutor executor;
    private final ConcurrentMap<InProcessModel, ModelEmbedder> embedders = new ConcurrentHashMap<>();

    @Inject
    public SegmentEmbedders(EmbeddingConfig config, MeterRegistry registry) {
        Map<String, InProcessModel> models = new TreeMap<>();
        config.models().forEach((segment, id) -> {
            if (!segment.equals(Segments.of(segment))) {
                throw new IllegalArgumentException("wavelength.embedding.models." + segment
                        + ": the key must be a segment, a lower-case primary language subtag such as en or zh");
            }
            models.put(segment, known(id, "wavelength.embedding.models." + segment));
        });
        this.bySegment = Map.copyOf(models);
        this.defaultModel = known(config.defaultModel(), "wavelength.embedding.default-model");
        this.registry = registry;
        // Shared by the models: each spreads a batch's texts over these threads.
        int threads = Runtime.getRuntime().availableProcessors();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public Embedder forSegment(String segment) {
        return embedder(bySegment.getOrDefault(segment, defaultModel));
    }

    /** Any known model, configured or not (a segment may be rebuilt with a model it does not use yet). */
    @Override
    public Embedder forModel(String modelId) {
        return embedder(known(modelId, "model id"));
    }

    /** The LangChain4j model behind {@link #forModel}, loaded if it was not yet: for benchmarks and diagnostics. */
    public EmbeddingModel model(String modelId) {
        return embedder(known(modelId, "model id")).model();
    }

    /** The model of each configured segment; the others use {@link #defaultModelId()}. */
    public Map<String, String> configured() {
        Map<String, String> ids = new TreeMap<>();
        bySegment.forEach((segment, model) -> ids.put(segment, model.id()));
        return ids;
    }

    public String defaultModelId() {
        return defaultModel.id();
    }

    @PreDestroy
    @Override
    public void close() {
        executor.shutdown();
    }

    private ModelEmbedder embedder(InProcessModel model) {
        return embedders.computeIfAbsent(model, m -> new ModelEmbedder(m, executor, registry));
    }

    private static InProcessModel known(String id, String where) {
        return InProcessModel.byId(id).orElseThrow(() -> new IllegalArgumentException(
                where + ": unknown embedding model '" + id + "'; known models: " + String.join(", ", InProcessModel.ids())));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "wavelength-embedding-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

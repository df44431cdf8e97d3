package org.wavelength.web.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The embedding models that run in process, from Maven artifacts (nothing is downloaded at run
 * time). The id is stored in collection names, so it must never change for a given model.
 */
enum InProcessModel {

    /** sentence-transformers/all-MiniLM-L6-v2, English, 384 dimensions, fp32 (about 90 MB). */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new),
    /** The same model quantized to int8 (about 23 MB). */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new),
    /** BAAI/bge-small-zh-v1.5, Chinese, 512 dimensions, int8 (about 24 MB). */
    BGE_SMALL_ZH_V15_Q("bge-small-zh-v15-q", BgeSmallZhV15QuantizedEmbeddingModel::new);

    private final String id;
    private final Function<Executor, EmbeddingModel> factory;

    InProcessModel(String id, Function<Executor, EmbeddingModel> factory) {
        this.id = id;
        this.factory = factory;
    }

    String id() {
        return id;
    }

    /**
     * A new instance; the first one of a kind loads the ONNX model and its tokenizer (seconds). The
     * model reads them through the context class loader, which on an arbitrary thread may not see
     * the application's jars: it is set to this class's loader for the duration.
     */
    EmbeddingModel create(Executor executor) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(InProcessModel.class.getClassLoader());
        try {
            return factory.apply(executor);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Optional<InProcessModel> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(InProcessModel::id).toList();
    }
}

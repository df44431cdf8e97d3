package org.wavelength.web.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * Which in-process model embeds each language segment. Model ids: {@code all-minilm-l6-v2},
 * {@code all-minilm-l6-v2-q}, {@code bge-small-zh-v15-q} (see {@link InProcessModel}); an unknown id
 * stops the application at startup.
 *
 * <pre>
 * wavelength.embedding.default-model=all-minilm-l6-v2-q
 * wavelength.embedding.models.en=all-minilm-l6-v2-q
 * wavelength.embedding.models.zh=bge-small-zh-v15-q
 * </pre>
 *
 * Changing a segment's model applies to its next collection: existing collections keep the model
 * they were built with (its id is part of their name) until the segment is rebuilt.
 */
@ConfigMapping(prefix = "wavelength.embedding")
public interface EmbeddingConfig {

    /** Segment (primary language subtag, e.g. {@code en}) to model id. */
    Map<String, String> models();

    /** The model of every segment not in {@link #models()}, including {@code und} (language unknown). */
    @WithDefault("all-minilm-l6-v2-q")
    String defaultModel();
}

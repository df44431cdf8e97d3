package org.wavelength.web.config;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How request bodies are read. A body that names a field twice ({"url":"a","url":"b"}) is refused: which one was
 * meant cannot be known, and Jackson's record binding fails on it without saying why.
 */
@Singleton
public class JsonReading implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}

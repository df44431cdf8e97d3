package org.wavelength.web.vector;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wavelength.core.port.VectorStore;
import org.wavelength.web.config.WavelengthConfig;
import org.wavelength.web.vector.lucene.LuceneVectorStore;
import org.wavelength.web.vector.qdrant.QdrantVectorStore;

/** Opens the vector store the configuration asks for: embedded Lucene or a Qdrant server. */
public final class VectorStores {

    private VectorStores() {
    }

    public static VectorStore open(WavelengthConfig config) {
        return switch (config.index().kind()) {
            case LUCENE -> {
                Path folder = config.dataDir().resolve("index");
                Log.infof("Vector store: embedded Lucene in %s", folder.toAbsolutePath());
                yield new LuceneVectorStore(createFolder(folder));
            }
            case QDRANT -> {
                WavelengthConfig.Qdrant qdrant = config.qdrant();
                Log.infof("Vector store: Qdrant at %s:%d (TLS %s)", qdrant.host(), qdrant.port(), qdrant.useTls());
                yield new QdrantVectorStore(QdrantVectorStore.client(qdrant.host(), qdrant.port(), qdrant.useTls(),
                        qdrant.apiKey()), qdrant.timeout(), qdrant.scalarQuantization());
            }
        };
    }

    private static Path createFolder(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + path.toAbsolutePath(), e);
        }
    }
}

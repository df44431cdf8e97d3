package org.wavelength.web.vector;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wavelength.core.port.VectorIndex;
import org.wavelength.web.config.WavelengthConfig;
import org.wavelength.web.vector.lucene.LuceneVectorIndex;
import org.wavelength.web.vector.qdrant.QdrantVectorIndex;

/** Opens the vector index the configuration asks for: embedded Lucene or a Qdrant server. */
public final class VectorIndexFactory {

    private VectorIndexFactory() {
    }

    public static VectorIndex open(WavelengthConfig config, int dimension) {
        return switch (config.index().kind()) {
            case LUCENE -> {
                Path folder = config.dataDir().resolve("index").resolve("vectors");
                Log.infof("Vector index: embedded Lucene in %s", folder.toAbsolutePath());
                yield new LuceneVectorIndex(createFolder(folder));
            }
            case QDRANT -> {
                WavelengthConfig.Qdrant qdrant = config.qdrant();
                var grpc = QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.port(), qdrant.useTls());
                qdrant.apiKey().ifPresent(grpc::withApiKey);
                Log.infof("Vector index: Qdrant at %s:%d, collection %s", qdrant.host(), qdrant.port(), qdrant.collection());
                QdrantVectorIndex index = new QdrantVectorIndex(new QdrantClient(grpc.build()), qdrant.collection(), dimension);
                index.ensureCollection();
                yield index;
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

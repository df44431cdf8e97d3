package org.wavelength.web.config;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.VectorIndex;
import org.wavelength.core.service.CatalogueIndexer;
import org.wavelength.core.service.SimilarPodcasts;
import org.wavelength.web.vector.VectorIndexFactory;

/** The core knows no framework: its services are assembled here, from the adapters of this module. */
@ApplicationScoped
public class CoreBeans {

    @Produces
    @ApplicationScoped
    VectorIndex vectorIndex(WavelengthConfig config, Embedder embedder) {
        return VectorIndexFactory.open(config, embedder.dimension());
    }

    void closeVectorIndex(@Disposes VectorIndex index) {
        if (index instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                Log.warn("Closing the vector index failed", e);
            }
        }
    }

    @Produces
    @ApplicationScoped
    SimilarPodcasts similarPodcasts(CatalogueStore catalogue, VectorIndex index) {
        return new SimilarPodcasts(catalogue, index);
    }

    @Produces
    @ApplicationScoped
    CatalogueIndexer catalogueIndexer(Embedder embedder, VectorIndex index) {
        return new CatalogueIndexer(embedder, index);
    }
}

package org.wavelength.web.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.Embedders;
import org.wavelength.core.port.IndexSource;
import org.wavelength.core.port.VectorStore;
import org.wavelength.core.service.CatalogueIndexer;
import org.wavelength.core.service.CatalogueSearch;
import org.wavelength.core.service.IndexRebuild;
import org.wavelength.core.service.IndexWrites;
import org.wavelength.core.service.SegmentedIndex;
import org.wavelength.core.service.SimilarPodcasts;
import org.wavelength.web.vector.VectorStores;

/** The core knows no framework: its services are assembled here, from the adapters of this module. */
@ApplicationScoped
public class CoreBeans {

    @Produces
    @ApplicationScoped
    VectorStore vectorStore(WavelengthConfig config) {
        return VectorStores.open(config);
    }

    void closeVectorStore(@Disposes VectorStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                Log.warn("Closing the vector store failed", e);
            }
        }
    }

    @Produces
    @ApplicationScoped
    SegmentedIndex segmentedIndex(VectorStore store, Embedders embedders) {
        return new SegmentedIndex(store, embedders);
    }

    @Produces
    @ApplicationScoped
    IndexWrites indexWrites(SegmentedIndex index, WavelengthConfig config, MeterRegistry registry) {
        Timer lag = Timer.builder("wavelength.index.lag")
                .description("Time from ingestion submitting a document to its being searchable")
                .publishPercentiles(0.5, 0.99).register(registry);
        return new IndexWrites(index, config.index().mode(), config.index().batchSize(), lag::record, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    IndexRebuild indexRebuild(SegmentedIndex index, IndexSource source, WavelengthConfig config) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wavelength-index-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        return new IndexRebuild(index, source, executor,
                (task, delay) -> executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                config.index().rebuildGrace(), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    SimilarPodcasts similarPodcasts(CatalogueStore catalogue, SegmentedIndex index) {
        return new SimilarPodcasts(catalogue, index);
    }

    @Produces
    @ApplicationScoped
    CatalogueSearch catalogueSearch(CatalogueStore catalogue, SegmentedIndex index) {
        return new CatalogueSearch(catalogue, index);
    }

    @Produces
    @ApplicationScoped
    CatalogueIndexer catalogueIndexer(IndexWrites writes) {
        return new CatalogueIndexer(writes);
    }
}

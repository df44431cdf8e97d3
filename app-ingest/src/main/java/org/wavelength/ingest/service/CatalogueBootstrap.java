package org.wavelength.ingest.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.wavelength.core.port.FeedStore;
import org.wavelength.ingest.config.BootstrapConfig;

/**
 * First start: an empty catalogue gets the feed files of {@code wavelength.bootstrap.feeds-dir}
 * when that is set, else the bundled starter list of well-known public feeds.
 */
@ApplicationScoped
public class CatalogueBootstrap {

    static final String STARTER_OPML = "/org/wavelength/ingest/starter-feeds.opml";

    private final FeedStore feeds;
    private final FeedRegistration registration;
    private final IngestWorker worker;
    private final BootstrapConfig config;

    public CatalogueBootstrap(FeedStore feeds, FeedRegistration registration, IngestWorker worker, BootstrapConfig config) {
        this.feeds = feeds;
        this.registration = registration;
        this.worker = worker;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (feeds.count() > 0) {
            return;
        }
        if (config.feedsDir().isPresent()) {
            Path folder = config.feedsDir().get();
            // Files are read by an instance that ingests; in the background, so the server is up at once.
            worker.run(() -> ingestFolder(folder));
        } else if (config.starterFeeds()) {
            importStarterFeeds();
        }
    }

    /** Ingests every regular file of the folder as a feed; returns how many were read. */
    public int ingestFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            Log.errorf("Cannot read the bootstrap feeds folder %s: %s", folder.toAbsolutePath(), e.getMessage());
            return 0;
        }
        Log.infof("First start: ingesting %d feed files from %s", files.size(), folder.toAbsolutePath());
        for (Path file : files) {
            try {
                registration.ingestDocument(file.toAbsolutePath().toUri(), Files.readAllBytes(file));
            } catch (IOException e) {
                Log.warnf("Cannot read %s: %s", file, e.getMessage());
            }
        }
        return files.size();
    }

    void importStarterFeeds() {
        try (InputStream opml = CatalogueBootstrap.class.getResourceAsStream(STARTER_OPML)) {
            var result = registration.importOpml(opml.readAllBytes());
            Log.infof("First start: registered %d starter feeds; they are fetched in the background", result.added());
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled starter OPML is unreadable", e);
        }
    }
}

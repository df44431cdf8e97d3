package org.wavelength.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** What to do on first start, when the catalogue is empty. */
@ConfigMapping(prefix = "wavelength.bootstrap")
public interface BootstrapConfig {

    /** Every feed file of this folder is ingested on first start (offline demos and tests). */
    Optional<Path> feedsDir();

    /** Import the bundled OPML of well-known public feeds. */
    @WithDefault("true")
    boolean starterFeeds();
}

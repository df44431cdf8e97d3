package org.wavelength.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** The application's own settings; see infra/config/wavelength.env.example for the environment form. */
@ConfigMapping(prefix = "wavelength")
public interface WavelengthConfig {

    /** Where the embedded setup keeps its database and vector index. */
    @WithDefault("./data")
    Path dataDir();

    Index index();

    Qdrant qdrant();

    Admin admin();

    interface Index {
        /** lucene: embedded, in this process (the default); qdrant: a shared Qdrant server (production). */
        @WithDefault("lucene")
        Kind kind();

        enum Kind { LUCENE, QDRANT }
    }

    interface Qdrant {
        @WithDefault("localhost")
        String host();

        /** The gRPC port. */
        @WithDefault("6334")
        int port();

        @WithDefault("false")
        boolean useTls();

        Optional<String> apiKey();

        @WithDefault("wavelength")
        String collection();
    }

    interface Admin {
        /** Password of the admin account created on first start; generated and logged once when absent. */
        Optional<String> password();
    }
}

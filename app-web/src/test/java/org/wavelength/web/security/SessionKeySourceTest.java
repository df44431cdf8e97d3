package org.wavelength.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sign-in key a setup uses: the configured one, its own from the data directory, or (PostgreSQL) none. */
class SessionKeySourceTest {

    @TempDir
    Path dataDir;

    static SmallRyeConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withInterceptors(new SessionKeySource())
                .withSources(new PropertiesConfigSource(settings, "test", 250)).build();
    }

    @Test
    void theEmbeddedSetupKeepsItsOwnKeyInTheDataDirectory() throws Exception {
        String key = config(Map.of("wavelength.data-dir", dataDir.toString())).getValue(SessionKeySource.KEY, String.class);
        assertThat(Files.readString(dataDir.resolve(SessionKeyFile.NAME))).isEqualTo(key);
        assertThat(config(Map.of("wavelength.data-dir", dataDir.toString())).getValue(SessionKeySource.KEY, String.class))
                .as("the next start").isEqualTo(key);
    }

    @Test
    void aConfiguredKeyIsUsedAndNoneIsMade() {
        SmallRyeConfig config = config(Map.of("wavelength.data-dir", dataDir.toString(),
                SessionKeySource.KEY, "a-configured-key-of-enough-length"));
        assertThat(config.getValue(SessionKeySource.KEY, String.class)).isEqualTo("a-configured-key-of-enough-length");
        assertThat(dataDir.resolve(SessionKeyFile.NAME)).doesNotExist();
    }

    @Test
    void withPostgresqlAKeyMustBeConfiguredForEveryReplicaToShare() {
        SmallRyeConfig config = config(Map.of("wavelength.data-dir", dataDir.toString(),
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/wavelength"));
        assertThatThrownBy(() -> config.getValue(SessionKeySource.KEY, String.class))
                .hasMessageContaining("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        assertThat(dataDir.resolve(SessionKeyFile.NAME)).doesNotExist();
        assertThat(config(Map.of("quarkus.datasource.db-kind", "postgresql", SessionKeySource.KEY, "shared-by-all-replicas-0123456789"))
                .getValue(SessionKeySource.KEY, String.class)).isEqualTo("shared-by-all-replicas-0123456789");
    }
}

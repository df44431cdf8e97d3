package org.wavelength.web.security;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.nio.file.Path;

/**
 * Answers {@value #KEY} when no one configured it, so that form authentication never makes a temporary key
 * of its own (which Quarkus writes to the log). A configured key is always used as it is. Without one, the
 * embedded setup (H2) keeps a key in the data directory ({@link SessionKeyFile}); a PostgreSQL setup, where
 * several web replicas must read each other's cookies, refuses to start, since each replica would otherwise
 * seal with a key of its own. An interceptor rather than a source: it reads the data directory as the rest of
 * the application does (profile and expressions resolved), when the key is first asked for.
 */
@Priority(Priorities.APPLICATION + 100)
public class SessionKeySource implements ConfigSourceInterceptor {

    public static final String KEY = "quarkus.http.auth.session.encryption-key";

    private volatile ConfigValue key;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue configured = context.proceed(name);
        if (!KEY.equals(name) || configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
            return configured;
        }
        if (!Expressions.isEnabled()) {
            // The build reads every setting as written, without expanding ${...}: not the data directory of a start.
            return configured;
        }
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = ConfigValue.builder().withName(KEY).withValue(keyOfThisSetup(context))
                            .withConfigSourceName("wavelength sign-in key (data directory)").withConfigSourceOrdinal(1).build();
                }
            }
        }
        return key;
    }

    private static String keyOfThisSetup(ConfigSourceInterceptorContext context) {
        String kind = value(context, "quarkus.datasource.db-kind", "");
        String url = value(context, "quarkus.datasource.jdbc.url", "");
        if (kind.equals("postgresql") || url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("Set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY (at least 32 random characters,"
                    + " the same on every web replica): with PostgreSQL, Wavelength does not make a sign-in key of its own,"
                    + " since replicas with different keys would sign each other's listeners out.");
        }
        return SessionKeyFile.readOrCreate(Path.of(value(context, "wavelength.data-dir", "./data")));
    }

    private static String value(ConfigSourceInterceptorContext context, String name, String otherwise) {
        ConfigValue value = context.proceed(name);
        return value == null || value.getValue() == null ? otherwise : value.getValue();
    }
}

package org.wavelength.web.support;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The Maven properties that point the PostgreSQL test run at its database (app-web/pom.xml). Given
 * on the command line ({@code -Dwavelength.test.pg.url=...}), Surefire hands them to every test JVM,
 * the H2 run's too, where the application would refuse them as unknown settings of its own prefix:
 * this mapping, in the tests only, names them (unremovable: nothing injects it).
 */
@Unremovable
@ConfigMapping(prefix = "wavelength.test.pg")
public interface PostgresRunProperties {

    Optional<String> url();

    Optional<String> user();

    Optional<String> password();
}

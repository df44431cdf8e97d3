package org.wavelength.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorIndex;

/** Ready only when the vector index answers; the datasource check comes with the JDBC extension. */
@Readiness
@ApplicationScoped
public class VectorIndexHealthCheck implements HealthCheck {

    private final VectorIndex index;

    public VectorIndexHealthCheck(VectorIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("vector-index").up()
                    .withData("podcasts", index.count(VectorFilter.kind(ItemKind.PODCAST)))
                    .withData("episodes", index.count(VectorFilter.kind(ItemKind.EPISODE)))
                    .withData("passages", index.count(VectorFilter.kind(ItemKind.PASSAGE)))
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("vector-index").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

package org.wavelength.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.VectorFilter;

/** Ready only when the vector store answers; the datasource check comes with the JDBC extension. */
@Readiness
@ApplicationScoped
public class VectorIndexHealthCheck implements HealthCheck {

    private final SegmentedIndex index;

    public VectorIndexHealthCheck(SegmentedIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            HealthCheckResponseBuilder up = HealthCheckResponse.named("vector-index").up();
            long podcasts = 0;
            long episodes = 0;
            long passages = 0;
            for (String segment : index.segments()) {
                podcasts += index.count(segment, VectorFilter.kind(ItemKind.PODCAST));
                episodes += index.count(segment, VectorFilter.kind(ItemKind.EPISODE));
                passages += index.count(segment, VectorFilter.kind(ItemKind.PASSAGE));
                up.withData("segment " + segment, index.serving(segment).orElse("none"));
            }
            return up.withData("podcasts", podcasts).withData("episodes", episodes).withData("passages", passages).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("vector-index").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

package org.wavelength.web.index;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;

/**
 * The same rebuild under traffic on Qdrant: the serving alias switches in one Qdrant request while
 * queries and writes go on. Needs Docker (GitHub Actions); skipped where there is none.
 */
@QuarkusTest
@TestProfile(QdrantRebuildUnderTrafficTest.WithQdrant.class)
@Testcontainers(disabledWithoutDocker = true)
class QdrantRebuildUnderTrafficTest extends RebuildUnderTrafficTest {

    public static class WithQdrant implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wavelength.index.kind", "qdrant", "wavelength.index.rebuild-grace", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(QdrantServer.class));
        }
    }

    public static class QdrantServer implements QuarkusTestResourceLifecycleManager {
        private QdrantContainer qdrant;

        @Override
        public Map<String, String> start() {
            qdrant = new QdrantContainer("qdrant/qdrant:v1.18.1");
            qdrant.start();
            return Map.of("wavelength.qdrant.host", qdrant.getHost(), "wavelength.qdrant.port",
                    String.valueOf(qdrant.getGrpcPort()));
        }

        @Override
        public void stop() {
            if (qdrant != null) {
                qdrant.stop();
            }
        }
    }
}

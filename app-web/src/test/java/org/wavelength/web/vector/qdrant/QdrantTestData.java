package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import java.time.Instant;
import java.util.List;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.PointPayload;
import org.wavelength.core.port.VectorPoint;

/** What the tests of the Qdrant mapping share: point ids, a point, and readers of filter conditions. */
final class QdrantTestData {

    static final String A = PointIds.of(ItemKind.EPISODE, 1);
    static final String B = PointIds.of(ItemKind.EPISODE, 2);
    static final String C = PointIds.of(ItemKind.EPISODE, 3);

    static VectorPoint episode(long id, float... vector) {
        return new VectorPoint(PointIds.of(ItemKind.EPISODE, id), new PointPayload(ItemKind.EPISODE, id, 7L, id, "en",
                List.of("Science"), false, 1200, Instant.parse("2024-05-01T08:00:00Z"), null, null), "text", vector);
    }

    /** The must condition on {@code key}; fails unless there is exactly one. */
    static FieldCondition must(Filter filter, String key) {
        List<FieldCondition> found = filter.getMustList().stream()
                .filter(Condition::hasField).map(Condition::getField)
                .filter(f -> f.getKey().equals(key)).toList();
        assertThat(found).as("must conditions on " + key).hasSize(1);
        return found.get(0);
    }

    static List<String> uuids(Condition hasId) {
        return hasId.getHasId().getHasIdList().stream().map(PointId::getUuid).toList();
    }

    private QdrantTestData() {
    }
}

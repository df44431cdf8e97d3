package org.wavelength.core.port;

import java.util.Set;
import org.wavelength.core.domain.ItemKind;

/** Restricts a vector search; a null field does not restrict. */
public record VectorFilter(ItemKind kind, String language, Set<String> excludedIds) {

    public VectorFilter {
        excludedIds = excludedIds == null ? Set.of() : Set.copyOf(excludedIds);
    }

    public static VectorFilter kind(ItemKind kind) {
        return new VectorFilter(kind, null, Set.of());
    }

    public VectorFilter excluding(String pointId) {
        var ids = new java.util.HashSet<>(excludedIds);
        ids.add(pointId);
        return new VectorFilter(kind, language, ids);
    }
}

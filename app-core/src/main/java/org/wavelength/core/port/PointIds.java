package org.wavelength.core.port;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.wavelength.core.domain.ItemKind;

/** Deterministic vector point ids: the same item always maps to the same id, so writes are idempotent. */
public final class PointIds {

    private PointIds() {
    }

    public static String of(ItemKind kind, long entityId) {
        String name = "wavelength:" + kind.name().toLowerCase() + ":" + entityId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

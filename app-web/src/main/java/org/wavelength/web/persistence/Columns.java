package org.wavelength.web.persistence;

import org.wavelength.core.domain.Digests;

/** Fits feed-supplied text into bounded columns: feeds carry titles and ids of any length. */
final class Columns {

    private Columns() {
    }

    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** An identifier too long for its column is replaced by its SHA-256, which stays unique and stable. */
    static String fitId(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        return "sha256:" + Digests.sha256Hex(value);
    }
}

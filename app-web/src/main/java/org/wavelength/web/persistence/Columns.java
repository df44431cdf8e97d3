package org.wavelength.web.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

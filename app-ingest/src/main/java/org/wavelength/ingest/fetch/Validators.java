package org.wavelength.ingest.fetch;

/**
 * What a server said identifies the version of a document it sent, kept with the feed so the next
 * fetch can ask "only if changed" (a conditional GET, RFC 9110 section 13).
 *
 * @param etag         the ETag header as received (quotes and any {@code W/} prefix included), or null
 * @param lastModified the Last-Modified header as received, or null
 */
public record Validators(String etag, String lastModified) {

    /** Nothing known: the fetch is unconditional. */
    public static final Validators NONE = new Validators(null, null);

    /** Blank values count as absent. */
    public Validators {
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
    }

    /** True when neither validator is known, so a request cannot be conditional. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

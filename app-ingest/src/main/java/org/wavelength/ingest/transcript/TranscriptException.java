package org.wavelength.ingest.transcript;

import org.wavelength.ingest.IngestException;

/**
 * A transcript or chapters file could not be read. The message is a complete sentence an admin can
 * read (which file, what is wrong with it); the cause, when there is one, has the technical detail.
 */
public class TranscriptException extends IngestException {

    private static final long serialVersionUID = 1L;

    public TranscriptException(String message) {
        super(message);
    }

    public TranscriptException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "The WebVTT transcript at https://…" or "The WebVTT transcript" when the address is unknown. */
    static String subject(String what, String url) {
        return url == null || url.isBlank() ? "The " + what : "The " + what + " at " + url.strip();
    }
}

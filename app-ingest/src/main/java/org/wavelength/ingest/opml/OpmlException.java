package org.wavelength.ingest.opml;

import org.wavelength.ingest.IngestException;

/** An uploaded subscription list could not be read; the message says why. */
public class OpmlException extends IngestException {

    private static final long serialVersionUID = 1L;

    public OpmlException(String message) {
        super(message);
    }

    public OpmlException(String message, Throwable cause) {
        super(message, cause);
    }
}

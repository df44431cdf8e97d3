package org.wavelength.ingest.fetch;

import org.wavelength.ingest.IngestException;

/** A feed address that cannot be fetched as written; the message says what is wrong with it. */
public class InvalidFeedUrlException extends IngestException {

    private static final long serialVersionUID = 1L;

    public InvalidFeedUrlException(String message) {
        super(message);
    }

    public InvalidFeedUrlException(String message, Throwable cause) {
        super(message, cause);
    }
}

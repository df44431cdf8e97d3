package org.wavelength.ingest.fetch;

import org.wavelength.ingest.IngestException;

/** Downloading a feed failed (network, server answer, size or time limit); the message says which. */
public class FetchException extends IngestException {

    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.wavelength.ingest.parse;

import org.wavelength.ingest.IngestException;

/** The downloaded document could not be read as a podcast feed; the message says why. */
public class FeedParseException extends IngestException {

    private static final long serialVersionUID = 1L;

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}

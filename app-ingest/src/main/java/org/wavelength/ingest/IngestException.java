package org.wavelength.ingest;

/**
 * Base of every error raised while adding, fetching or reading a feed.
 *
 * <p>The message is shown verbatim to an administrator, so it must be a complete English sentence
 * that says what went wrong and, when it helps, what to do about it. Technical detail belongs in the
 * cause, not in the message.
 */
public class IngestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}

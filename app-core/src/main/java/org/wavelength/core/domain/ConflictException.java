package org.wavelength.core.domain;

/** A request that the current state refuses (a rebuild of the segment already runs): 409 on the API. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

package org.wavelength.core.domain;

/** Asked for a podcast, episode, feed or user that does not exist. */
public class UnknownItemException extends RuntimeException {

    public UnknownItemException(String kind, long id) {
        super("There is no " + kind + " with id " + id + ".");
    }
}

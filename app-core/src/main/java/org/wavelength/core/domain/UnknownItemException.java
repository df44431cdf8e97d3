package org.wavelength.core.domain;

/** Asked for a podcast, episode, feed or user that does not exist. */
public class UnknownItemException extends RuntimeException {

    private final String kind;
    private final long id;

    public UnknownItemException(String kind, long id) {
        super("There is no " + kind + " with id " + id + ".");
        this.kind = kind;
        this.id = id;
    }

    /** podcast, episode, feed or user: for messages in other languages than the English one. */
    public String kind() {
        return kind;
    }

    public long id() {
        return id;
    }
}

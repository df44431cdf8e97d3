package org.wavelength.core.domain;

/** Asked for a podcast, episode, feed, user, person (by id), category or language (by name) that does not exist. */
public class UnknownItemException extends RuntimeException {

    private final String kind;
    private final long id;
    private final String name;

    public UnknownItemException(String kind, long id) {
        super("There is no " + kind + " with id " + id + ".");
        this.kind = kind;
        this.id = id;
        this.name = null;
    }

    /** An item known by its name, such as a category. */
    public UnknownItemException(String kind, String name) {
        super("There is no " + kind + " named '" + name + "'.");
        this.kind = kind;
        this.id = 0;
        this.name = name;
    }

    /** podcast, episode, feed, user, person, category or language: for messages in other languages than the English one. */
    public String kind() {
        return kind;
    }

    /** The id asked for; 0 when the item was asked for by {@link #name()}. */
    public long id() {
        return id;
    }

    /** The name asked for; null when the item was asked for by {@link #id()}. */
    public String name() {
        return name;
    }
}

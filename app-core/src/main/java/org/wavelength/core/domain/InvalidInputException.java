package org.wavelength.core.domain;

/**
 * Input that cannot be meant (a malformed language code, too many categories, a play without an
 * episode): the message says what was wrong, in words for a person. The API answers 400 with it; a
 * page words the {@link Kind}s it knows in the visitor's language and shows the message otherwise.
 */
public class InvalidInputException extends RuntimeException {

    /** The rules a page words in its own language; every other rule is {@link #OTHER}. */
    public enum Kind { NOT_A_LANGUAGE_TAG, TOO_MANY_LANGUAGES, INTERESTS_TOO_LONG, OTHER }

    private final Kind kind;
    private final String value;

    public InvalidInputException(String message) {
        this(Kind.OTHER, null, message);
    }

    /** @param value what was wrong: the value sent, or the limit it broke */
    public InvalidInputException(Kind kind, String value, String message) {
        super(message);
        this.kind = kind;
        this.value = value;
    }

    public Kind kind() {
        return kind;
    }

    public String value() {
        return value;
    }
}

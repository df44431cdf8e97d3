package org.wavelength.core.domain;

import java.util.regex.Pattern;

/**
 * A language as people and feeds write it: the shape of a BCP 47 tag ("en", "en-GB", "pt_BR", "zh-Hant").
 * Only its primary subtag selects a segment ({@link Segments#of}).
 */
public record LanguageTag(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");

    public LanguageTag {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a language tag: " + value);
        }
    }

    public static boolean isTag(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    /**
     * The tag a person sent, stripped; {@code field} names it in the message when it is not one.
     *
     * @throws InvalidInputException when the text has not the shape of a language tag
     */
    public static LanguageTag parse(String text, String field) {
        String stripped = text == null ? "" : text.strip();
        if (!isTag(stripped)) {
            throw new InvalidInputException(InvalidInputException.Kind.NOT_A_LANGUAGE_TAG, text,
                    field + " takes a language code such as en or pt-BR; it was '" + text + "'.");
        }
        return new LanguageTag(stripped);
    }

    public String segment() {
        return Segments.of(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.wavelength.core.assistant;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How the request's phrases are written as patterns. */
final class Phrases {

    /** Case aside in every script, and word characters and boundaries as Unicode has them. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private Phrases() {
    }

    /** The words as one alternation, longest first so that "forty five" is not read as "forty". */
    static String alternation(Collection<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }
}

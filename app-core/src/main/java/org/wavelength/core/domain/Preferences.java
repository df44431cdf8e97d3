package org.wavelength.core.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a listener told us about themselves: the languages they listen in (empty: any), whether
 * explicit episodes may be recommended, and their interests as free text ("history of computing,
 * jazz; cooking").
 */
public record Preferences(Set<String> languages, boolean explicitAllowed, String interests) {

    /** Longer interests are refused: they are embedded, and the model reads little more. */
    public static final int MAX_INTERESTS = 1000;

    /** More is a mistake: a listener does not speak twenty languages. */
    public static final int MAX_LANGUAGES = 20;

    public static final Preferences NONE = new Preferences(Set.of(), true, "");

    /**
     * Preferences as a listener sent them, from the API or a page: blank entries dropped, each
     * language a language tag, at most {@value #MAX_LANGUAGES} of them, interests at most
     * {@value #MAX_INTERESTS} characters.
     *
     * @throws InvalidInputException saying which rule the input breaks
     */
    public static Preferences checked(List<String> languages, boolean explicitAllowed, String interests) {
        Set<String> given = new LinkedHashSet<>();
        if (languages != null) {
            languages.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).forEach(given::add);
        }
        if (given.size() > MAX_LANGUAGES) {
            throw new InvalidInputException(InvalidInputException.Kind.TOO_MANY_LANGUAGES, String.valueOf(MAX_LANGUAGES),
                    "Name at most " + MAX_LANGUAGES + " languages.");
        }
        given.forEach(language -> LanguageTag.parse(language, "languages"));
        String text = interests == null ? "" : interests.strip();
        if (text.length() > MAX_INTERESTS) {
            throw new InvalidInputException(InvalidInputException.Kind.INTERESTS_TOO_LONG, String.valueOf(MAX_INTERESTS),
                    "interests are limited to " + MAX_INTERESTS + " characters; these have " + text.length() + ".");
        }
        return new Preferences(given, explicitAllowed, text);
    }

    public Preferences {
        languages = languages == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(languages.stream()
                .filter(l -> l != null && !l.isBlank()).map(Segments::of).toList()));
        interests = interests == null ? "" : interests.strip();
        if (interests.length() > MAX_INTERESTS) {
            throw new IllegalArgumentException("Interests are limited to " + MAX_INTERESTS + " characters");
        }
    }

    /** The interests one by one, as the listener separated them (commas, semicolons, lines). */
    public List<String> interestPhrases() {
        return java.util.Arrays.stream(interests.split("[,;\\n]+")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    public boolean hasInterests() {
        return !interests.isEmpty();
    }
}

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

    /** Interests longer than this are cut: they are embedded, and the model reads little more. */
    public static final int MAX_INTERESTS = 1000;

    public static final Preferences NONE = new Preferences(Set.of(), true, "");

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

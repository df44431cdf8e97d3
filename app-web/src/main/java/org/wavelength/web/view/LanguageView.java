package org.wavelength.web.view;

import java.util.Locale;
import org.wavelength.core.domain.LanguageCount;
import org.wavelength.core.domain.Segments;

/**
 * A language of the catalogue: its code (a segment: "en", "zh", "und" for podcasts of no known
 * language), its name in English, how many podcasts speak it, and its page.
 */
public record LanguageView(String code, String name, long podcasts, String link) {

    public static LanguageView of(LanguageCount language) {
        return new LanguageView(language.code(), name(language.code(), Locale.ENGLISH, "Unknown language"),
                language.podcasts(), Links.language(language.code()));
    }

    /** The language's name in another language ("English", "英文"); {@code unknown} names {@link Segments#UNDETERMINED}. */
    public static String name(String code, Locale in, String unknown) {
        if (Segments.UNDETERMINED.equals(code)) {
            return unknown;
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
        return name.isBlank() ? code : name;
    }
}

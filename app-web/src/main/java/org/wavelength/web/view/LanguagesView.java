package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.LanguageCount;

/** The catalogue's languages, most podcasts first. */
public record LanguagesView(List<LanguageView> items) {

    public static LanguagesView of(List<LanguageCount> languages) {
        return new LanguagesView(languages.stream().map(LanguageView::of).toList());
    }
}

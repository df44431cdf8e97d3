package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.Preferences;

/** A listener's preferences, as read and as sent; uiLanguage: the pages' language, en or zh; null: automatic. */
public record PreferencesView(List<String> languages, Boolean explicitAllowed, String interests, String uiLanguage) {

    public static PreferencesView of(Preferences p, String uiLanguage) {
        return new PreferencesView(p.languages().stream().sorted().toList(), p.explicitAllowed(), p.interests(), uiLanguage);
    }
}

package org.wavelength.web.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wavelength.core.domain.InvalidInputException;

/** The languages the interface speaks: the code a form or cookie names, and the tag a page declares. */
public enum UiLanguage {

    EN("en", "en"),
    /** Simplified Chinese: the translation's script, whatever region the browser asks for. */
    ZH("zh", "zh-Hans");

    private final String code;
    private final String tag;

    UiLanguage(String code, String tag) {
        this.code = code;
        this.tag = tag;
    }

    /** As forms, the cookie and the API name it: en, zh. */
    public String code() {
        return code;
    }

    /** For {@code <html lang>} and Content-Language. */
    public String tag() {
        return tag;
    }

    /** The locale of the message bundle (msg_zh.properties is "zh"). */
    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public AppMessages messages() {
        return this == EN ? MessageBundles.get(AppMessages.class)
                : MessageBundles.get(AppMessages.class, Localized.Literal.of(code));
    }

    /** The words of the directory's pages. */
    public BrowseMessages browseMessages() {
        return this == EN ? MessageBundles.get(BrowseMessages.class)
                : MessageBundles.get(BrowseMessages.class, Localized.Literal.of(code));
    }

    public static Optional<UiLanguage> ofCode(String code) {
        for (UiLanguage language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The interface language a listener chose; blank or absent: automatic (the browser's languages).
     *
     * @throws UnknownUiLanguageException for a code the interface does not speak
     */
    public static Optional<UiLanguage> choice(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ofCode(code.strip()).orElseThrow(() -> new UnknownUiLanguageException(code)));
    }

    /** A code for an interface language that the pages do not speak. */
    public static final class UnknownUiLanguageException extends InvalidInputException {
        UnknownUiLanguageException(String code) {
            super(Kind.OTHER, code, "uiLanguage is en, zh, or null for automatic; it was " + code + ".");
        }
    }

    /** The language of a locale a template was given; English when there is none. */
    public static UiLanguage of(Object locale) {
        Locale given = locale instanceof Locale l ? l : Locale.forLanguageTag(String.valueOf(locale));
        return ofCode(given.getLanguage()).orElse(EN);
    }

    /**
     * The first of the browser's languages (most preferred first) that the interface speaks, by
     * language alone: zh-CN, zh-TW and zh-Hans all read Chinese. English when none matches.
     */
    public static UiLanguage bestMatch(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            Optional<UiLanguage> match = ofCode(locale.getLanguage().toLowerCase(Locale.ROOT));
            if (match.isPresent()) {
                return match.get();
            }
        }
        return EN;
    }
}

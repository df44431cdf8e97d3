package org.wavelength.web.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The interface language a listener chose, kept with their preferences (user_preference.ui_language).
 * A web concern: the domain's preferences do not carry it, and saving those leaves it as it is.
 */
@ApplicationScoped
public class UiLanguageStore {

    /** The code saved for this account; empty: automatic (or no such account). */
    @Transactional
    public Optional<String> uiLanguage(String username) {
        return PreferenceEntity.getEntityManager()
                .createQuery("select p.uiLanguage from PreferenceEntity p, UserAccount u"
                        + " where u.username = ?1 and p.userId = u.id", String.class)
                .setParameter(1, username).getResultStream().filter(code -> code != null).findFirst();
    }

    /** Saves the choice; null: automatic. A listener without preferences gets the defaults with it. */
    public void save(long userId, String code) {
        PreferenceRows.change(userId, entity -> {
            entity.uiLanguage = code;
            entity.updatedAt = Instant.now();
        });
    }
}

package org.wavelength.core.port;

import java.util.List;
import org.wavelength.core.domain.Preferences;

/** Listeners' preferences; a listener who never set any has {@link Preferences#NONE}. */
public interface PreferenceStore {

    Preferences preferences(long userId);

    void save(long userId, Preferences preferences);

    /** Listeners who typed interests (their profile vectors are rebuilt with the index). */
    List<Long> usersWithInterests();
}

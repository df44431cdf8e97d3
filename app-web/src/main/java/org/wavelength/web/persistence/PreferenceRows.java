package org.wavelength.web.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.function.Consumer;
import org.wavelength.core.domain.Preferences;

/**
 * Changes a listener's preference row, making it first when there is none. Two first saves at once both find
 * no row and both insert: the second breaks the primary key. It is then done again, in a new transaction, as
 * a change of the row the first one made.
 */
final class PreferenceRows {

    private PreferenceRows() {
    }

    static void change(long userId, Consumer<PreferenceEntity> change) {
        try {
            changeOnce(userId, change);
        } catch (RuntimeException e) {
            if (!UniqueViolations.isCause(e)) {
                throw e;
            }
            changeOnce(userId, change);
        }
    }

    private static void changeOnce(long userId, Consumer<PreferenceEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            PreferenceEntity entity = PreferenceEntity.<PreferenceEntity>findByIdOptional(userId).orElseGet(() -> {
                PreferenceEntity created = new PreferenceEntity();
                created.userId = userId;
                created.apply(Preferences.NONE, Instant.now());
                return created;
            });
            change.accept(entity);
            entity.persist();
            PreferenceEntity.flush();
        });
    }
}

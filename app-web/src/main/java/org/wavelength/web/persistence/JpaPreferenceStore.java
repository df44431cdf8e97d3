package org.wavelength.web.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.port.PreferenceStore;

@ApplicationScoped
public class JpaPreferenceStore implements PreferenceStore {

    @Override
    @Transactional
    public Preferences preferences(long userId) {
        return PreferenceEntity.<PreferenceEntity>findByIdOptional(userId).map(PreferenceEntity::toDomain)
                .orElse(Preferences.NONE);
    }

    @Override
    public void save(long userId, Preferences preferences) {
        PreferenceRows.change(userId, entity -> entity.apply(preferences, Instant.now()));
    }

    @Override
    @Transactional
    public List<Long> usersWithInterests() {
        return PreferenceEntity.getEntityManager()
                .createQuery("select p.userId from PreferenceEntity p where p.interests <> '' order by p.userId", Long.class)
                .getResultList();
    }
}

package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.wavelength.core.domain.Preferences;

/** One row per listener who saved preferences; see V3__preferences.sql. */
@Entity
@Table(name = "user_preference")
public class PreferenceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public Long userId;

    /** Language segments separated by commas (segments never contain one). */
    public String languages;

    @Column(name = "explicit_allowed")
    public boolean explicitAllowed;

    public String interests;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The interface language (en, zh), a web concern kept beside the preferences; null: automatic. See V4. */
    @Column(name = "ui_language")
    public String uiLanguage;

    Preferences toDomain() {
        Set<String> list = languages == null || languages.isBlank() ? Set.of()
                : Set.copyOf(Arrays.asList(languages.split(",")));
        return new Preferences(list, explicitAllowed, interests);
    }

    void apply(Preferences preferences, Instant now) {
        languages = String.join(",", new TreeSet<>(preferences.languages()));
        explicitAllowed = preferences.explicitAllowed();
        interests = preferences.interests();
        updatedAt = now;
    }
}

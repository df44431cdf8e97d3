package org.wavelength.web.page;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Optional;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.recommend.UserProfiles;
import org.wavelength.web.security.UserAccount;

/** What the listener pages share: who is signed in, and keeping their profile vectors current. */
final class Listeners {

    private Listeners() {
    }

    static Optional<Long> userId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return UserAccount.byUsername(identity.getPrincipal().getName()).map(account -> account.id);
    }

    /** As the API does: a failed refresh must not undo what was stored; the next change or rebuild redoes it. */
    static void refreshProfile(UserProfiles profiles, long userId) {
        try {
            profiles.refresh(userId);
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not refresh the profile vectors of user %d; they are rewritten at the next change", userId);
        }
    }

    /** The catalogue's languages: the index has a segment for each (minus the undetermined one). */
    static List<String> languages(SegmentedIndex index) {
        return index.segments().stream().filter(s -> !s.equals(Segments.UNDETERMINED)).toList();
    }
}

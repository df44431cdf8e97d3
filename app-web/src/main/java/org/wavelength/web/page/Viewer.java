package org.wavelength.web.page;

import io.quarkus.security.identity.SecurityIdentity;
import org.wavelength.web.security.UserAccount;

/** Who is looking at a page: what the layout needs to show the right links. */
public record Viewer(String username, boolean signedIn, boolean admin) {

    public static Viewer of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Viewer(null, false, false);
        }
        return new Viewer(identity.getPrincipal().getName(), true, identity.hasRole(UserAccount.ROLE_ADMIN));
    }
}

package org.wavelength.web.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who makes this request, worked out once: the signed-in account's id, name and role, or a visitor.
 * The API, the pages and the chat all ask here.
 */
@RequestScoped
public class CurrentListener {

    private final SecurityIdentity identity;
    private Optional<Long> id;

    public CurrentListener(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The account's id; empty for a visitor, or for an account deleted while its session lasted. */
    public Optional<Long> id() {
        if (id == null) {
            id = username().flatMap(UserAccount::byUsername).map(account -> account.id);
        }
        return id;
    }

    /** The account's id, or 401 (the error mapper sends a page's visitor to the sign-in form). */
    public long requireId() {
        return id().orElseThrow(UnauthorizedException::new);
    }

    public Optional<String> username() {
        return SessionSubject.username(identity);
    }

    /** Whether this request was made with a personal access token (not a password or the sign-in cookie). */
    public boolean viaToken() {
        return identity != null && identity.getAttribute(AccountIdentity.TOKEN_ID) != null;
    }

    public boolean isAdmin() {
        return username().isPresent() && identity.hasRole(UserAccount.ROLE_ADMIN);
    }
}

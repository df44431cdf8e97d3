package org.wavelength.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Arrays;

/**
 * The identity of an account: for one sign-in session (its subject as principal), or for a request made with
 * one of its tokens (its name as principal, the token's id as {@link #TOKEN_ID}); the roles from the database.
 */
final class AccountIdentity {

    private AccountIdentity() {
    }

    static final String TOKEN_ID = "wavelength.token-id";

    static SecurityIdentity of(UserAccount account, SessionSubject subject) {
        return withRoles(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(subject.principalName())), account);
    }

    static SecurityIdentity viaToken(UserAccount account, long tokenId) {
        return withRoles(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(account.username))
                .addAttribute(TOKEN_ID, tokenId), account);
    }

    private static SecurityIdentity withRoles(QuarkusSecurityIdentity.Builder builder, UserAccount account) {
        Arrays.stream(account.roles.split(",")).map(String::strip).filter(role -> !role.isEmpty()).forEach(builder::addRole);
        return builder.build();
    }
}

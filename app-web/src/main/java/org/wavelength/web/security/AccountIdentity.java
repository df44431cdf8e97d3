package org.wavelength.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Arrays;

/** The identity of an account for one sign-in session: its subject as principal, its roles from the database. */
final class AccountIdentity {

    private AccountIdentity() {
    }

    static SecurityIdentity of(UserAccount account, SessionSubject subject) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(subject.principalName()));
        Arrays.stream(account.roles.split(",")).map(String::strip).filter(role -> !role.isEmpty()).forEach(builder::addRole);
        return builder.build();
    }
}

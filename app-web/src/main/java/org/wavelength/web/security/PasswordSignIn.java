package org.wavelength.web.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A user name and password, from the sign-in form or HTTP Basic, checked against the account's bcrypt hash. */
@ApplicationScoped
public class PasswordSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Compared with when there is no such account, so that a wrong name takes as long as a wrong password. */
    private static final String NO_ACCOUNT = BcryptUtil.bcryptHash(SessionKeyFile.generate());

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> check(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity check(String username, String password) {
        Optional<UserAccount> account = QuarkusTransaction.requiringNew().call(() -> UserAccount.byUsername(username));
        boolean matches = BcryptUtil.matches(password, account.map(a -> a.passwordHash).orElse(NO_ACCOUNT));
        if (account.isEmpty() || !matches) {
            throw new AuthenticationFailedException("The user name or password is wrong");
        }
        return AccountIdentity.of(account.get(), SessionSubject.signingIn(account.get().username, account.get().sessionVersion));
    }
}

package org.wavelength.web.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sign-in cookie on each request (form authentication hands over the name it sealed): accepted only
 * while its session holds ({@link Sessions}); the roles are read afresh, so a revoked role takes effect at once.
 */
@ApplicationScoped
public class SessionRestore implements IdentityProvider<TrustedAuthenticationRequest> {

    private final Sessions sessions;

    public SessionRestore(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SessionSubject subject = SessionSubject.parse(request.getPrincipal()).orElseThrow(SessionEndedException::failure);
            return QuarkusTransaction.requiringNew().call(() -> sessions.live(subject)
                    .map(account -> AccountIdentity.of(account, subject)).orElseThrow(SessionEndedException::failure));
        });
    }
}

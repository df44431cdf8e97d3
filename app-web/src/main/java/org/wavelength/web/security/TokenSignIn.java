package org.wavelength.web.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * A personal access token checked against the database on every request (one indexed read of its SHA-256, no
 * bcrypt), so that a revoked token is refused at once on every replica. The identity has the account's roles,
 * read afresh; with HTTP Basic the user name must be the token's owner.
 */
@ApplicationScoped
public class TokenSignIn implements IdentityProvider<TokenAuthenticationRequest> {

    private final AccessTokens tokens;

    public TokenSignIn(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        TokenCredentials credentials = request.credentials();
        if (!TokenSecret.wellFormed(credentials.secret())) {
            return Uni.createFrom().failure(TokenRefusedException.failure("The Bearer token is malformed: a Wavelength token is "
                    + TokenSecret.PREFIX + " and 43 more characters, as /me showed it when it was made."));
        }
        return context.runBlocking(() -> {
            AccessTokens.Owner owner = tokens.owner(credentials.secret()).orElseThrow(
                    () -> TokenRefusedException.failure("This token is not valid: it was revoked, or never existed."));
            if (credentials.username().isPresent()
                    && !owner.account().usernameKey.equals(credentials.username().get().toLowerCase(Locale.ROOT))) {
                throw TokenRefusedException.failure("This token belongs to another account than the user name sent with it.");
            }
            return AccountIdentity.viaToken(owner.account(), owner.tokenId());
        });
    }
}

package org.wavelength.web.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Finds a personal access token in the Authorization header ({@link TokenCredentials}) on the paths that take
 * tokens, and hands it to {@link TokenSignIn}. It runs before HTTP Basic and the form's cookie, and when a token
 * is sent it alone decides: a refused token is a 401, never a fall-back to the cookie that came with it, and a
 * cookie of one account never mixes with a token of another. No token: the other mechanisms go on as before.
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

    /** Where tokens are accepted: the JSON API (the sync API of gpodder clients will be under it or added here). */
    static final List<String> ACCEPTED_UNDER = List.of("/api/", "/subscriptions/"); // the gpodder Simple API too
    /** Before Basic (2000) and the form (1000): a token-shaped Basic password must never reach bcrypt. */
    static final int PRIORITY = 3000;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        if (ACCEPTED_UNDER.stream().noneMatch(path::startsWith)) {
            return Uni.createFrom().nullItem();
        }
        return TokenCredentials.of(context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .map(credentials -> {
                    TokenAuthenticationRequest request = new TokenAuthenticationRequest(credentials);
                    HttpSecurityUtils.setRoutingContextAttribute(request, context);
                    return identities.authenticate(request);
                })
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"Wavelength\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}

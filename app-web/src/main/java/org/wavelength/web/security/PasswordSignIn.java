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
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A user name and password, from the sign-in form or HTTP Basic, checked against the account's bcrypt hash.
 * The form must also carry its CSRF token: it posts to form authentication, which no JAX-RS filter sees.
 */
@ApplicationScoped
public class PasswordSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Compared with when there is no such account, so that a wrong name takes as long as a wrong password. */
    private static final String NO_ACCOUNT = BcryptUtil.bcryptHash(SessionKeyFile.generate());

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    private final String tokenField;
    private final String tokenCookie;
    private final SignInBackOff backOff;

    public PasswordSignIn(SignInBackOff backOff, @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String tokenField,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String tokenCookie) {
        this.backOff = backOff;
        this.tokenField = tokenField;
        this.tokenCookie = tokenCookie;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (http != null && http.request().method() == HttpMethod.POST && http.normalizedPath().endsWith("/j_security_check")
                && !carriesFormToken(http)) {
            // Another site's page posting its own account's name and password would sign the visitor in as that account.
            return Uni.createFrom().failure(new AuthenticationFailedException("The sign-in form's CSRF token is missing or wrong"));
        }
        String address = http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
        return context.runBlocking(() -> check(request.getUsername(), new String(request.getPassword().getPassword()), address));
    }

    /** The form's token field matches the token cookie, as quarkus-rest-csrf checks every other form. */
    private boolean carriesFormToken(RoutingContext http) {
        String sent = http.request().getFormAttribute(tokenField);
        Cookie cookie = http.request().getCookie(tokenCookie);
        return sent != null && !sent.isEmpty() && cookie != null
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), cookie.getValue().getBytes(StandardCharsets.UTF_8));
    }

    private SecurityIdentity check(String username, String password, String address) {
        SignInBackOff.Standing standing = backOff.standing(username, address);
        if (standing.pause().isPresent()) {
            // Refused unchecked: a guesser learns nothing while paused.
            throw new AuthenticationFailedException("Too many failed sign-ins",
                    new SignInsPausedException(standing.pause().get()));
        }
        Optional<UserAccount> account = QuarkusTransaction.requiringNew().call(() -> UserAccount.byUsername(username));
        boolean matches = BcryptUtil.matches(password, account.map(a -> a.passwordHash).orElse(NO_ACCOUNT));
        if (account.isEmpty() || !matches) {
            backOff.failed(username, address);
            throw new AuthenticationFailedException("The user name or password is wrong");
        }
        backOff.succeeded(username, address, standing);
        return AccountIdentity.of(account.get(), SessionSubject.signingIn(account.get().username, account.get().sessionVersion));
    }
}

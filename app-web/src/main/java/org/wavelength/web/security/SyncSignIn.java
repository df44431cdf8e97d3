package org.wavelength.web.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who a podcast app's sync call is from. Apps sign in with HTTP Basic (after the 401 challenge) and then keep
 * the session cookie, as they do with gpodder.net: a Basic call gets the same cookie the sign-in form issues
 * (the same key, name and lifetime), so the app's later calls need no password check at all.
 */
@ApplicationScoped
public class SyncSignIn {

    private final PersistentLoginManager cookies;
    private final CurrentListener listener;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    private final Sessions sessions;

    /** The listener, identity and request are this request's (CDI proxies): a resource hands over only the path's name. */
    public SyncSignIn(CurrentListener listener, SecurityIdentity identity, CurrentVertxRequest request, Sessions sessions,
            @ConfigProperty(name = SessionKeySource.KEY) String key,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval", defaultValue = "PT1M") Duration newCookieInterval,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site", defaultValue = "strict") String sameSite) {
        this.cookies = new PersistentLoginManager(key, cookieName, timeout.toMillis(), newCookieInterval.toMillis(), true,
                sameSite.toUpperCase(Locale.ROOT), "/", -1, null); // Vert.x's constant names: STRICT, LAX, NONE
        this.listener = listener;
        this.identity = identity;
        this.request = request;
        this.sessions = sessions;
    }

    /**
     * The signed-in account's id when it is the one named in the path (the reference answers 401 without an
     * account and 403 for another's name); a Basic sign-in with the password also gets the session cookie.
     */
    public long require(String username) {
        long id = listener.requireId();
        String signedIn = listener.username().orElseThrow(UnauthorizedException::new);
        if (username == null || !signedIn.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            throw new jakarta.ws.rs.ForbiddenException("Signed in as " + signedIn + ": the path names another account.");
        }
        RoutingContext http = request.getCurrent();
        String authorization = http.request().getHeader("Authorization");
        // Only a password sign-in begins a session: a token's identity seals no session subject, and a cookie made
        // from it would outlive the token's revocation and reach what tokens may not (managing tokens).
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && SessionSubject.parse(identity.getPrincipal().getName()).isPresent()) {
            cookies.save(identity, http, null, http.request().isSSL());
        }
        return id;
    }

    /** Ends this session, as the form's sign-out does: recorded as ended, and the cookie dropped. */
    public void signOut() {
        sessions.end(identity);
        cookies.clear(request.getCurrent());
    }
}

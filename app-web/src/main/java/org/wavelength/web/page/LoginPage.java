package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wavelength.web.http.LocalPaths;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.Sessions;
import org.wavelength.web.security.SignInBackOff;

/**
 * Sign in and out; the form posts to Quarkus' form authentication ({@code /j_security_check}). A
 * sign-in asked for by a page ({@code /login?return=/me}) lands back on that page: the return path
 * goes into the cookie where Quarkus' form authentication keeps the page to go back to after login.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Viewer viewer, boolean failed, String created, String changed, Long pausedSeconds);
    }

    private final CurrentListener listener;
    private final Sessions sessions;
    private final SignInBackOff backOff;
    private final SecurityIdentity identity;
    private final String cookieName;
    private final String locationCookie;

    public LoginPage(CurrentListener listener, Sessions sessions, SignInBackOff backOff, SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
            String locationCookie) {
        this.listener = listener;
        this.sessions = sessions;
        this.backOff = backOff;
        this.identity = identity;
        this.cookieName = cookieName;
        this.locationCookie = locationCookie;
    }

    @GET
    @Path("/login")
    public TemplateInstance login(@QueryParam("error") boolean failed, @QueryParam("created") String created,
            @QueryParam("changed") String changed, @QueryParam("return") String returnPath, @Context HttpServerRequest request) {
        // Only a well-formed user name is echoed back (the template escapes it in any case).
        String name = wellFormed(created);
        String changedName = wellFormed(changed);
        // As Quarkus writes this cookie itself: an absolute address, which it checks names this site before going there.
        LocalPaths.afterSignIn(returnPath).ifPresent(path -> request.response().addCookie(Cookie
                .cookie(locationCookie, request.scheme() + "://" + request.authority() + path).setPath("/")
                .setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(request.isSSL())));
        // After a failure, whoever is at this address is told when to try again (form sign-ins answer by redirect).
        Long pausedSeconds = !failed || request.remoteAddress() == null ? null
                : backOff.pauseAt(request.remoteAddress().hostAddress()).map(d -> Math.max(1, (d.toMillis() + 999) / 1000)).orElse(null);
        return Templates.login(Viewer.of(listener), failed, name, changedName, pausedSeconds);
    }

    private static String wellFormed(String username) {
        return username != null && SignupPage.USERNAME.matcher(username).matches() ? username : null;
    }

    /** Ends this session for good (a copy of its cookie no longer signs in), and drops the cookie. */
    @POST
    @Path("/logout")
    public Response logout() {
        sessions.end(identity);
        return signedOut(cookieName);
    }

    static Response signedOut(String cookieName) {
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).value("").build();
        return Response.seeOther(URI.create("/")).cookie(expired).build();
    }
}

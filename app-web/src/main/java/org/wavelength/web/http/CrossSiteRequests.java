package org.wavelength.web.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The API's guard against requests that other pages make with the visitor's sign-in cookie. A page on another
 * port of the same host is "same-site": the cookie (SameSite=Lax) goes with its requests, and a no-cors
 * {@code fetch} can send a text/plain or untyped body without a CORS preflight. So a state-changing API request
 * authenticated by the cookie must show that it comes from this site: {@code Sec-Fetch-Site: same-origin}
 * (or {@code none}, typed by the person), else an {@code Origin} equal to this site's, else the CSRF token
 * (header {@value #TOKEN_HEADER}, the value of the form token cookie). Browsers send Origin with every
 * non-GET fetch, so the site's own scripts pass; HTTP Basic and other Authorization headers are not cookies,
 * and pass. A body must also say its type: an untyped one is refused (415) rather than read as JSON.
 */
public class CrossSiteRequests {

    public static final String TOKEN_HEADER = "X-CSRF-Token";
    /**
     * gpodder sync (API v2): podcast apps keep the cookie of their Basic sign-in and send it alone, with none of
     * a browser's headers; what such a forged call could do is limited to the listener's sync lists.
     */
    static final String SYNC_API = "/api/2/";
    static final Set<String> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final String sessionCookie;
    private final String tokenCookie;

    public CrossSiteRequests(
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String sessionCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String tokenCookie) {
        this.sessionCookie = sessionCookie;
        this.tokenCookie = tokenCookie;
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/") || !CHANGES.contains(request.getMethod())) {
            return;
        }
        if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new NotSupportedException("A body needs a Content-Type (application/json)");
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null || !request.getCookies().containsKey(sessionCookie)
                || path.startsWith(SYNC_API)) {
            return;
        }
        if (!fromThisSite(request)) {
            throw new CrossSiteRequestException();
        }
    }

    private boolean fromThisSite(ContainerRequestContext request) {
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null) {
            URI own = request.getUriInfo().getBaseUri();
            return origin.equalsIgnoreCase(own.getScheme() + "://" + own.getRawAuthority());
        }
        Cookie token = request.getCookies().get(tokenCookie);
        String sent = request.getHeaderString(TOKEN_HEADER);
        return token != null && sent != null && !sent.isEmpty()
                && java.security.MessageDigest.isEqual(sent.getBytes(), token.getValue().getBytes());
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}

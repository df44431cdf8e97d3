package org.wavelength.web.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.ingest.IngestException;
import org.wavelength.web.http.CrossSiteRequestException;
import org.wavelength.web.http.Htmx;
import org.wavelength.web.http.LocalPaths;
import org.wavelength.web.http.TooManyRequestsException;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.security.SessionEndedException;
import org.wavelength.web.security.SignInsPausedException;
import org.wavelength.web.security.TokenRefusedException;

/**
 * The one place errors become answers: problem+json on the API and an HTML page elsewhere, with a
 * message that says what was wrong; never a stack trace. The use cases throw domain exceptions
 * ({@link InvalidInputException} 400, {@link UnknownItemException} 404, {@link ConflictException} 409),
 * ingestion its own (400), and the HTTP layer JAX-RS and security exceptions.
 */
public class ProblemMapper {

    private final ChosenUiLanguage chosen;

    public ProblemMapper(ChosenUiLanguage chosen) {
        this.chosen = chosen;
    }

    @ServerExceptionMapper
    public Response unknown(UnknownItemException e, UriInfo uri) {
        String pageDetail = isApi(uri) ? null : e.name() != null ? chosen.messages().unknownNamedItem(e.kind(), e.name())
                : chosen.messages().unknownItem(e.kind(), e.id());
        return respond(Response.Status.NOT_FOUND, e.getMessage(), pageDetail, uri);
    }

    /** A page words the rules it knows in the visitor's language; the API keeps the English message. */
    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        String pageDetail = isApi(uri) ? null : chosen.wording(e);
        return respond(Response.Status.BAD_REQUEST, e.getMessage(), pageDetail, uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(Response.Status.CONFLICT, e.getMessage(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response ingest(IngestException e, UriInfo uri) {
        return respond(Response.Status.BAD_REQUEST, e.getMessage(), e.getMessage(), uri);
    }

    /** JSON of the wrong shape (a word for a number, a string for a list); Quarkus would answer without a problem body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return respond(Response.Status.BAD_REQUEST, field.isEmpty()
                ? "The JSON body does not have the expected shape."
                : "In the JSON body, " + field + " does not have the expected type.", uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers, Request request) {
        if (!isApi(uri)) {
            return signInFirst(uri, headers, request);
        }
        return challenge("Sign in first: send a token (Authorization: Bearer wl_..., made on /me) or HTTP Basic credentials,"
                + " or sign in on the site (its session cookie also works here).", uri);
    }

    /**
     * Pages sign in with the form and then come back: a page that was asked for (GET) to itself; a
     * request of htmx (whose session has ended) sends the whole browser to the form, and back to the
     * page it was made from. A form's POST goes back to nothing: repeating it unseen would surprise.
     */
    private static Response signInFirst(UriInfo uri, HttpHeaders headers, Request request) {
        if ("true".equals(headers.getHeaderString(Htmx.REQUEST))) {
            String page = localPart(headers.getHeaderString(Htmx.CURRENT_URL));
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(Htmx.REDIRECT, LocalPaths.signInReturningTo(page)).build();
        }
        String back = HttpMethod.GET.equals(request.getMethod()) ? localPart(uri.getRequestUri().toString()) : null;
        return Response.seeOther(LocalPaths.signInReturningTo(back)).build();
    }

    /** The path and query of an address, as sent (still encoded); null when it is not one. */
    private static String localPart(String address) {
        if (address == null) {
            return null;
        }
        try {
            URI parsed = new URI(address);
            return parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Credentials were sent but not accepted (proactive authentication is off, so this reaches the
     * mappers): a problem on the API; the sign-in form's own failure page elsewhere, as without this mapper.
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers, Request request) {
        if (SessionEndedException.endedSession(e)) {
            return sessionEnded(uri, headers, request);
        }
        var refusedToken = TokenRefusedException.of(e);
        if (refusedToken.isPresent()) {
            // Tokens are taken only on the API (security.TokenAuthentication), so this is always a problem.
            return Response.fromResponse(respond(Response.Status.UNAUTHORIZED, refusedToken.get().getMessage(), uri))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Wavelength\", error=\"invalid_token\"").build();
        }
        var paused = SignInsPausedException.of(e);
        if (paused.isPresent()) {
            return tooManyRequests(new TooManyRequestsException(paused.get().getMessage(), paused.get().retryAfter()), uri);
        }
        if (!isApi(uri)) {
            String errorPage = ConfigProvider.getConfig().getOptionalValue("quarkus.http.auth.form.error-page", String.class)
                    .orElse("/login?error=true");
            return Response.status(Response.Status.FOUND).location(URI.create(errorPage)).build();
        }
        return challenge("The user name or password is wrong.", uri);
    }

    /**
     * A cookie of a session that was signed out: the cookie is dropped, and the request is answered as a
     * visitor's would be. A page asked for again (it shows as to a visitor, or sends to the sign-in form).
     */
    private static Response sessionEnded(UriInfo uri, HttpHeaders headers, Request request) {
        String cookieName = ConfigProvider.getConfig().getOptionalValue("quarkus.http.auth.form.cookie-name", String.class)
                .orElse("quarkus-credential");
        NewCookie dropped = new NewCookie.Builder(cookieName).path("/").maxAge(0).value("").build();
        Response answer;
        if (isApi(uri)) {
            answer = challenge("This session has ended (it was signed out): sign in again, or send HTTP Basic credentials.", uri);
        } else if ("true".equals(headers.getHeaderString(Htmx.REQUEST))) {
            String page = localPart(headers.getHeaderString(Htmx.CURRENT_URL));
            answer = Response.status(Response.Status.UNAUTHORIZED).header(Htmx.REDIRECT, page == null ? "/" : page).build();
        } else if (HttpMethod.GET.equals(request.getMethod())) {
            answer = Response.seeOther(URI.create(localPart(uri.getRequestUri().toString()))).build();
        } else {
            answer = Response.seeOther(LocalPaths.signInReturningTo(null)).build();
        }
        return Response.fromResponse(answer).cookie(dropped).build();
    }

    private static Response challenge(String detail, UriInfo uri) {
        Response response = respond(Response.Status.UNAUTHORIZED, detail, uri);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Wavelength\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Response.Status.FORBIDDEN, e.getMessage() != null ? e.getMessage() : "This needs the admin role.", uri);
    }

    @ServerExceptionMapper
    public Response crossSite(CrossSiteRequestException e, UriInfo uri) {
        return respond(Response.Status.FORBIDDEN, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e, UriInfo uri) {
        return Response.fromResponse(respond(Response.Status.TOO_MANY_REQUESTS, e.getMessage(), e.getMessage(), uri))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds())).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null || status.getFamily() == Response.Status.Family.SUCCESSFUL
                || status.getFamily() == Response.Status.Family.REDIRECTION) {
            return e.getResponse();
        }
        // Page code throws with words in the visitor's language; Quarkus' own "HTTP 404 Not Found" says nothing more.
        String pageDetail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? null : e.getMessage();
        return respond(status, detail(e, status), pageDetail, uri);
    }

    private static String detail(WebApplicationException e, Response.Status status) {
        if (e.getCause() instanceof JsonParseException unreadable) {
            // Not JSON at all, or JSON that names a field twice: what the parser saw, without where in its buffer.
            return "The body is not valid JSON: " + unreadable.getOriginalMessage().lines().findFirst().orElse("") + ".";
        }
        return switch (status) {
            case NOT_FOUND -> "Nothing here.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method.";
            case UNSUPPORTED_MEDIA_TYPE -> "The body's content type is not one this address takes.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the requested media type.";
            default -> e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? status.getReasonPhrase() : e.getMessage();
        };
    }

    /** The API says the detail; a page says its own words for the status, in the visitor's language. */
    static Response respond(Response.Status status, String detail, UriInfo uri) {
        return respond(status, detail, null, uri);
    }

    static Response respond(Response.Status status, String apiDetail, String pageDetail, UriInfo uri) {
        return isApi(uri) ? Problem.response(status, apiDetail, path(uri)) : ErrorPage.response(status, pageDetail);
    }

    private static boolean isApi(UriInfo uri) {
        // The Simple API of gpodder sync (podcast apps, not browsers) is at /subscriptions/.
        return path(uri).startsWith("/api/") || path(uri).startsWith("/subscriptions/");
    }

    private static String path(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }
}

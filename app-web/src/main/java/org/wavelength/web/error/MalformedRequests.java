package org.wavelength.web.error;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Requests malformed at the level of HTTP, answered before any resource sees them, so that they get a problem
 * that says what is wrong rather than an empty 414 from the server, or a 500 from a header parser: an address
 * too long, an Accept-Language header that is not one (its malformed ranges are dropped: the visitor gets the
 * page, in the language the rest of the header asks for), an address Java cannot parse (a % not followed by two
 * hexadecimal digits: Quarkus's own check of it, which answers an empty 400, is turned off by
 * {@code config.ApplicationMain}). The server's own limit of a request line
 * (quarkus.http.limits.max-initial-line-length) is set above {@link #MAX_URI_LENGTH}, so that what lies between
 * gets this answer; past it Vert.x answers a bare 414 and closes the connection before any handler of the
 * application runs (Quarkus has no hook for it: quarkusio/quarkus#55082).
 */
@Singleton
public class MalformedRequests {

    /** As long as an address may be; browsers and proxies take about this much. */
    static final int MAX_URI_LENGTH = 8192;

    private static final Pattern LANGUAGE_RANGE = Pattern.compile(
            "(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)(\\s*;\\s*q\\s*=\\s*(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?))?");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext context) {
        if (refusedAsMalformed(context)) {
            return;
        }
        HttpServerRequest request = context.request();
        String languages = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (languages != null) {
            Optional<String> wellFormed = wellFormedRanges(languages);
            if (wellFormed.isEmpty()) {
                request.headers().remove(HttpHeaders.ACCEPT_LANGUAGE);
            } else if (!wellFormed.get().equals(languages)) {
                request.headers().set(HttpHeaders.ACCEPT_LANGUAGE, wellFormed.get());
            }
        }
        context.next();
    }

    private static boolean refusedAsMalformed(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(context, 414, "URI Too Long", "The address is " + uri.length() + " characters long; at most "
                    + MAX_URI_LENGTH + " are read. Send long input in a request body.");
            return true;
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            refuse(context, 400, "Bad Request", "The address cannot be read: " + e.getReason() + ", at character "
                    + (e.getIndex() + 1) + ". Characters that are not allowed in an address are sent percent-encoded, and a %"
                    + " is followed by two hexadecimal digits (%25 for a % itself).");
            return true;
        }
        return false;
    }

    /** The ranges of an Accept-Language header that RFC 9110 allows, in their order; empty when none is. */
    static Optional<String> wellFormedRanges(String header) {
        String kept = Stream.of(header.split(",")).map(String::strip)
                .filter(range -> LANGUAGE_RANGE.matcher(range).matches()).collect(Collectors.joining(","));
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        String path = context.request().path();
        boolean api = path != null && path.startsWith("/api/");
        var response = context.response().setStatusCode(status);
        if (api) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(new Problem("about:blank", title, status, detail, null)));
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").end(title + ": " + detail + "\n");
        }
    }
}

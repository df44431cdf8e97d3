package org.wavelength.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads where a redirect leads and refuses the ones not to follow, before anything connects there. */
final class RedirectTargets {

    private RedirectTargets() {
    }

    static boolean isFollowed(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Where a redirect leads, checked: an absolute http(s) URL, its host unambiguous, not from https to http. */
    static URI target(URI original, URI current, Answer response) {
        int status = response.statusCode();
        String where = FetchFailures.where(original, current);
        String location = response.header("Location").map(String::strip).orElse("");
        if (location.isEmpty()) {
            throw new FetchException("The server answered HTTP " + status + " for " + where
                    + ", a redirect without a Location saying where to. The publisher's server is misconfigured.");
        }
        URI next;
        try {
            next = resolve(current, location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to '"
                    + location + "', which is not a valid web address. The publisher's server is misconfigured.", e);
        }
        String ambiguity = NumericHosts.ambiguity(NumericHosts.writtenHost(next));
        if (ambiguity != null) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to " + next
                    + " that was not followed: " + ambiguity + ".");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null || next.getHost().isBlank()) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to '"
                    + location + "', which is not a web address (http or https) and is not followed.");
        }
        if (isDowngrade(current, next)) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to "
                    + next + " that was not followed: it leads from https to plain http. "
                    + "Update the feed address if the new one is trustworthy.");
        }
        return next;
    }

    static boolean isDowngrade(URI from, URI to) {
        return "https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme());
    }

    /** The absolute address a Location header means, relative to {@code base}, without any fragment. */
    static URI resolve(URI base, String location) throws URISyntaxException {
        URI reference = new URI(escapeIllegal(location));
        // URI.resolve glues a relative path straight onto a base with an empty path ("http://hostfeed").
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            base = base.resolve("/");
        }
        URI absolute;
        if (reference.getScheme() == null && reference.getRawAuthority() == null
                && (reference.getRawPath() == null || reference.getRawPath().isEmpty()) && reference.getRawQuery() != null) {
            // "?page=2" keeps the base's whole path (RFC 3986); URI.resolve (RFC 2396) would drop its last segment.
            absolute = new URI(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + "?" + reference.getRawQuery());
        } else {
            absolute = base.resolve(reference);
        }
        String text = absolute.toString();
        int fragment = text.indexOf('#');
        return fragment < 0 ? absolute : new URI(text.substring(0, fragment));
    }

    /** Percent-encodes what servers put in a Location header but URIs may not hold: spaces, non-ASCII. */
    private static String escapeIllegal(String location) {
        StringBuilder escaped = new StringBuilder(location.length());
        for (byte b : location.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                escaped.append((char) c);
            }
        }
        return escaped.toString();
    }

    /** Identifies an address for loop detection: case of scheme and host, default ports and fragments do not count. */
    static String loopKey(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : FetchFailures.port(uri);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path + query;
    }
}

package org.wavelength.web.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a form or a sign-in may send the browser back to: only a path of this site. Never another
 * site ({@code //host}, {@code https://host}, {@code /\host}, which browsers read as hosts), nor text
 * with control characters (which could split a header).
 */
public final class LocalPaths {

    private LocalPaths() {
    }

    /** The path (with its query) when it stays on this site. */
    public static Optional<String> of(String value) {
        if (value == null || !value.startsWith("/") || value.startsWith("//") || value.contains("\\")
                || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? Optional.of(value) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Where to go after signing in: a local path, but not the sign-in itself (that would loop). */
    public static Optional<String> afterSignIn(String value) {
        return of(value).filter(path -> !path.startsWith("/login") && !path.startsWith("/j_security_check"));
    }

    /** The sign-in page, then back to this path of the site (none: the landing page). */
    public static URI signInReturningTo(String path) {
        return URI.create(afterSignIn(path).map(p -> "/login?return=" + URLEncoder.encode(p, StandardCharsets.UTF_8))
                .orElse("/login"));
    }
}

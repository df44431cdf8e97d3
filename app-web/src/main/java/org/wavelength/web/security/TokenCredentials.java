package org.wavelength.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The token in an Authorization header, if it carries one: {@code Bearer <token>} (any Bearer value: this API
 * has no other kind, so a malformed one is refused as such), or HTTP Basic whose password has a token's exact
 * shape, with the user name it was sent with (sync clients that only know Basic). Any other Basic password is a
 * password, for {@link PasswordSignIn}.
 */
record TokenCredentials(Optional<String> username, String secret) {

    static Optional<TokenCredentials> of(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        if (scheme.equals("bearer")) {
            return Optional.of(new TokenCredentials(Optional.empty(), value));
        }
        if (!scheme.equals("basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // Basic's own mechanism says what is wrong
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !TokenSecret.wellFormed(decoded.substring(colon + 1))) {
            return Optional.empty();
        }
        return Optional.of(new TokenCredentials(Optional.of(decoded.substring(0, colon)), decoded.substring(colon + 1)));
    }
}

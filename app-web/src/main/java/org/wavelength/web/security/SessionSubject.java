package org.wavelength.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Who a signed-in identity is, as its principal's name: the account, the account's session version when it
 * signed in, and the sign-in's own id. Form authentication seals exactly this name in its cookie and gives it
 * back on each request, so that a session can be ended: all of an account's at once (the version moves on) or
 * one (its id is recorded as ended by {@link Sessions}). User names cannot hold {@value #SEPARATOR}.
 */
public record SessionSubject(String username, int version, String sessionId) {

    static final char SEPARATOR = '#';

    static SessionSubject signingIn(String username, int version) {
        byte[] id = new byte[12];
        new SecureRandom().nextBytes(id);
        return new SessionSubject(username, version, Base64.getUrlEncoder().withoutPadding().encodeToString(id));
    }

    public String principalName() {
        return username + SEPARATOR + version + SEPARATOR + sessionId;
    }

    /** The subject of a principal's name; empty for one this class did not write (a cookie of an older version). */
    public static Optional<SessionSubject> parse(String principalName) {
        String[] parts = principalName == null ? new String[0] : principalName.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionSubject(parts[0], Integer.parseInt(parts[1]), parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The account's name of a signed-in identity; empty for a visitor. */
    public static Optional<String> username(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        String name = identity.getPrincipal().getName();
        return Optional.of(parse(name).map(SessionSubject::username).orElse(name));
    }
}

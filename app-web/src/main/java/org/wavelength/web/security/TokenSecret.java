package org.wavelength.web.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.wavelength.core.domain.Digests;

/**
 * The secret of a personal access token: {@value #PREFIX} and 32 random bytes in base64url (46 characters), so
 * that it is recognisable (in a password field, in a leaked file) and too long to guess. Stored only as its
 * SHA-256: a fast hash is enough for a random secret of 256 bits, and costs a request microseconds, not bcrypt's
 * tens of milliseconds.
 */
public final class TokenSecret {

    public static final String PREFIX = "wl_";
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a credential claims to be a token (it starts with the prefix), well formed or not. */
    static boolean claimsToBe(String credential) {
        return credential != null && credential.startsWith(PREFIX);
    }

    static boolean wellFormed(String credential) {
        return credential != null && SHAPE.matcher(credential).matches();
    }

    static String hash(String secret) {
        return Digests.sha256Hex(secret); // the secret is ASCII: its UTF-8 bytes are the same
    }
}

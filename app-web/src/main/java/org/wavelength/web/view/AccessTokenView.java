package org.wavelength.web.view;

import java.time.Instant;
import org.wavelength.web.security.AccessToken;
import org.wavelength.web.security.AccessTokens;

/**
 * A personal access token as listed: never its secret. {@code token} is filled only in the answer that made it,
 * the one time the secret is shown.
 */
public record AccessTokenView(long id, String name, Instant createdAt, Instant lastUsedAt, String token) {

    public static AccessTokenView of(AccessToken t) {
        return new AccessTokenView(t.id, t.name, t.createdAt, t.lastUsedAt, null);
    }

    public static AccessTokenView created(AccessTokens.Created created) {
        AccessToken t = created.token();
        return new AccessTokenView(t.id, t.name, t.createdAt, t.lastUsedAt, created.secret());
    }

    /** What a new token is asked with: its name. */
    public record Request(String name) {
    }
}

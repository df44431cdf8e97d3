package org.wavelength.web.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.ReadableText;
import org.wavelength.core.domain.UnknownItemException;

/**
 * A listener's personal access tokens: made with a name (the secret is handed back once, and only its hash kept),
 * listed, revoked (deleted: every replica refuses it at its next request, since each request reads the table).
 * {@link #owner} is the check of a request, which writes the last-used time at most once per {@link #USE_GRANULARITY}.
 */
@ApplicationScoped
public class AccessTokens {

    static final int MAX_NAME = 100;
    static final int MAX_PER_ACCOUNT = 50;
    /** How stale a token's last-used time may be: a busy sync client does not write on every request. */
    static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    /** A token just made, with the one copy of its secret there will ever be. */
    public record Created(AccessToken token, String secret) {
    }

    /** Whom a token's request speaks for. */
    record Owner(UserAccount account, long tokenId) {
    }

    private final Clock clock = Clock.systemUTC();

    public Created create(long userId, String name) {
        String checked = ReadableText.of(name == null ? "" : name).strip();
        if (checked.isEmpty() || checked.length() > MAX_NAME) {
            throw new InvalidInputException("A token needs a name of 1 to " + MAX_NAME + " characters (what it is for, such as \"phone\").");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (AccessToken.count("userId", userId) >= MAX_PER_ACCOUNT) {
                throw new ConflictException("An account has at most " + MAX_PER_ACCOUNT + " tokens: revoke one first.");
            }
            String secret = TokenSecret.generate();
            AccessToken token = new AccessToken();
            token.userId = userId;
            token.name = checked;
            token.secretHash = TokenSecret.hash(secret);
            token.createdAt = clock.instant();
            token.persist();
            return new Created(token, secret);
        });
    }

    /** The account's tokens, newest first. */
    public List<AccessToken> of(long userId) {
        return QuarkusTransaction.joiningExisting().call(() -> AccessToken.<AccessToken>find(
                "userId = ?1 order by createdAt desc, id desc", userId).list());
    }

    /** Revokes one of the account's tokens; another account's, or none, is unknown (404). */
    public void revoke(long userId, long tokenId) {
        long deleted = QuarkusTransaction.requiringNew().call(() -> AccessToken.delete("id = ?1 and userId = ?2", tokenId, userId));
        if (deleted == 0) {
            throw new UnknownItemException("token", tokenId);
        }
    }

    /** The account a well-formed secret belongs to, if the token exists (it was not revoked). */
    Optional<Owner> owner(String secret) {
        String hash = TokenSecret.hash(secret);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<AccessToken> token = AccessToken.find("secretHash", hash).firstResultOptional();
            if (token.isEmpty()) {
                return Optional.<Owner>empty();
            }
            Instant now = clock.instant();
            Instant last = token.get().lastUsedAt;
            if (last == null || last.isBefore(now.minus(USE_GRANULARITY))) {
                // Conditional, so that replicas racing on one token write once.
                AccessToken.update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                        now, token.get().id, now.minus(USE_GRANULARITY));
            }
            return UserAccount.<UserAccount>findByIdOptional(token.get().userId).map(account -> new Owner(account, token.get().id));
        });
    }
}

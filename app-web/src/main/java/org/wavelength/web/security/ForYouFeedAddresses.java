package org.wavelength.web.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The private address of each listener's "For you" feed: a token of 32 random bytes of its own (not an API
 * token: it only reads the feed), made or replaced (the old address stops working) and turned off on /me.
 * Each request reads the table, so a replaced address is refused on every replica at once.
 */
@ApplicationScoped
public class ForYouFeedAddresses {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock = Clock.systemUTC();

    public Optional<String> token(long userId) {
        return QuarkusTransaction.joiningExisting().call(
                () -> ForYouFeedAddress.<ForYouFeedAddress>findByIdOptional(userId).map(address -> address.token));
    }

    /** A new address for the listener's feed; the one before, if any, stops working. */
    public String renew(long userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        QuarkusTransaction.requiringNew().run(() -> {
            ForYouFeedAddress.delete("userId", userId);
            ForYouFeedAddress.flush();
            ForYouFeedAddress address = new ForYouFeedAddress();
            address.userId = userId;
            address.token = token;
            address.createdAt = clock.instant();
            address.persist();
        });
        return token;
    }

    public void turnOff(long userId) {
        QuarkusTransaction.requiringNew().run(() -> ForYouFeedAddress.delete("userId", userId));
    }

    /** The listener whose feed this token opens; empty for anything else, well formed or not. */
    public Optional<Long> owner(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> ForYouFeedAddress.<ForYouFeedAddress>find("token", token)
                .firstResultOptional().map(address -> address.userId));
    }

    /**
     * When the feed's content last changed, given its hash now: the time kept while the hash is the same, now
     * (to the second, as Last-Modified says it) when it differs. A write only when the content changed.
     */
    public Instant changedAt(long userId, String contentHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ForYouFeedAddress address = ForYouFeedAddress.findById(userId);
            if (address == null) {
                return clock.instant().truncatedTo(ChronoUnit.SECONDS);
            }
            if (!contentHash.equals(address.contentHash) || address.changedAt == null) {
                address.contentHash = contentHash;
                address.changedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            }
            return address.changedAt;
        });
    }
}

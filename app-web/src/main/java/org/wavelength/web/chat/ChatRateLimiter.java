package org.wavelength.web.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Messages per hour for each asker, as token buckets: a full bucket allows a short burst, then messages come
 * back at the hourly rate. Per process; with several replicas each counts its own share.
 */
@ApplicationScoped
public class ChatRateLimiter {

    /** Above this many askers, buckets that have refilled are dropped: they hold nothing a new one would not. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Bucket(double tokens, Instant at, int perHour) {

        boolean fullAt(Instant now) {
            return tokens + Duration.between(at, now).toMillis() / 3_600_000.0 * perHour >= perHour;
        }
    }

    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Clock clock;

    public ChatRateLimiter() {
        this(Clock.systemUTC());
    }

    ChatRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes one message from the asker's allowance; empty when there is one, else how long until there is. */
    synchronized Optional<Duration> acquire(String asker, int perHour) {
        Instant now = clock.instant();
        double perSecond = perHour / 3600.0;
        Bucket bucket = buckets.getOrDefault(asker, new Bucket(perHour, now, perHour));
        double tokens = Math.min(perHour, bucket.tokens() + Duration.between(bucket.at(), now).toMillis() / 1000.0 * perSecond);
        if (tokens < 1) {
            buckets.put(asker, new Bucket(tokens, now, perHour));
            return Optional.of(Duration.ofSeconds((long) Math.ceil((1 - tokens) / perSecond)));
        }
        buckets.put(asker, new Bucket(tokens - 1, now, perHour));
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        return Optional.empty();
    }
}

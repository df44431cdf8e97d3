package org.wavelength.web.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.wavelength.core.port.SharedDocuments;

/**
 * Messages per hour for each asker, as token buckets: a full bucket allows a short burst, then messages come
 * back at the hourly rate. The buckets are {@link SharedDocuments}, so every web replica takes from the same
 * allowance; a bucket expires when it would be full again, since it then holds nothing a new one would not.
 */
@ApplicationScoped
public class ChatRateLimiter {

    static final String KIND = "chat-allowance";

    /** What is left of an allowance at an instant: "tokens at-epoch-milliseconds". */
    private record Bucket(double tokens, Instant at) {

        static Bucket parse(String document) {
            String[] parts = document.split(" ");
            return new Bucket(Double.parseDouble(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])));
        }

        String document() {
            return tokens + " " + at.toEpochMilli();
        }
    }

    private final SharedDocuments documents;
    private final Clock clock;

    @Inject
    public ChatRateLimiter(SharedDocuments documents) {
        this(documents, Clock.systemUTC());
    }

    ChatRateLimiter(SharedDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /** Takes one message from the asker's allowance; empty when there is one, else how long until there is. */
    Optional<Duration> acquire(String asker, int perHour) {
        Instant now = clock.instant();
        double perSecond = perHour / 3600.0;
        AtomicReference<Optional<Duration>> wait = new AtomicReference<>(Optional.empty());
        documents.update(KIND, asker, now, current -> {
            Bucket bucket = current.map(Bucket::parse).orElse(new Bucket(perHour, now));
            double tokens = Math.min(perHour, bucket.tokens() + Duration.between(bucket.at(), now).toMillis() / 1000.0 * perSecond);
            if (tokens < 1) {
                wait.set(Optional.of(Duration.ofSeconds((long) Math.ceil((1 - tokens) / perSecond))));
            } else {
                wait.set(Optional.empty());
                tokens -= 1;
            }
            Instant full = now.plusMillis((long) Math.ceil((perHour - tokens) / perSecond * 1000));
            return new SharedDocuments.Change(new Bucket(tokens, now).document(), full);
        });
        return wait.get();
    }
}

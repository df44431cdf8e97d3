package org.wavelength.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.wavelength.core.port.SettableClock;
import org.wavelength.core.port.InMemorySharedDocuments;

class ChatRateLimiterTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final InMemorySharedDocuments documents = new InMemorySharedDocuments();
    private final ChatRateLimiter limiter = new ChatRateLimiter(documents, clock);

    @Test
    void anHourlyAllowanceIsABurstThenComesBackAtItsRate() {
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("visitor:a", 6)).as("message %d", i + 1).isEmpty();
        }
        // Six an hour: one comes back every ten minutes.
        assertThat(limiter.acquire("visitor:a", 6)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.acquire("visitor:a", 6)).isEmpty();
        assertThat(limiter.acquire("visitor:a", 6)).isPresent();
    }

    @Test
    void eachAskerHasTheirOwnAllowance() {
        for (int i = 0; i < 2; i++) {
            limiter.acquire("visitor:a", 2);
        }
        assertThat(limiter.acquire("visitor:a", 2)).isPresent();
        assertThat(limiter.acquire("user:ada", 2)).isEmpty();
    }

    @Test
    void everyReplicaTakesFromTheSameAllowance() {
        ChatRateLimiter otherReplica = new ChatRateLimiter(documents, Clock.fixed(clock.instant(), ZoneOffset.UTC));
        assertThat(limiter.acquire("visitor:a", 2)).isEmpty();
        assertThat(otherReplica.acquire("visitor:a", 2)).isEmpty();

        assertThat(limiter.acquire("visitor:a", 2)).as("two an hour, both taken").isPresent();
        assertThat(otherReplica.acquire("visitor:a", 2)).isPresent();
    }
}

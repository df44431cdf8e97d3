package org.wavelength.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wavelength.core.port.SettableClock;
import org.wavelength.core.port.InMemorySharedDocuments;
import org.wavelength.core.port.SharedDocuments;

class SignInBackOffTest {

    final SettableClock clock = new SettableClock(Instant.parse("2026-12-08T00:00:00Z"));
    final InMemorySharedDocuments documents = new InMemorySharedDocuments();
    final SignInBackOff backOff = new SignInBackOff(documents, clock, FREE_PER_ADDRESS);
    static final int FREE_PER_ADDRESS = 30;

    void fail(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            backOff.failed(name, address);
        }
    }

    @Test
    void wrongPasswordsPauseTheAccountFromThatAddressLongerEachTime() {
        fail("casey", "203.0.113.9", SignInBackOff.FREE_PER_PAIR);
        assertThat(backOff.standing("casey", "203.0.113.9").pause()).as("a few typos are free").isEmpty();
        fail("casey", "203.0.113.9", 1);
        assertThat(backOff.standing("casey", "203.0.113.9").pause()).contains(Duration.ofSeconds(1));
        assertThat(backOff.pauseAt("203.0.113.9")).contains(Duration.ofSeconds(1));
        fail("casey", "203.0.113.9", 1);
        assertThat(backOff.standing("Casey", "203.0.113.9").pause()).as("any case of the name").contains(Duration.ofSeconds(2));
        fail("casey", "203.0.113.9", 1);
        assertThat(backOff.standing("casey", "203.0.113.9").pause()).contains(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(4));
        assertThat(backOff.standing("casey", "203.0.113.9").pause()).isEmpty();
        fail("casey", "203.0.113.9", 40);
        assertThat(backOff.standing("casey", "203.0.113.9").pause()).as("never longer than").contains(SignInBackOff.LONGEST);
    }

    @Test
    void theOwnerFromAnotherAddressIsNotLockedOut() {
        fail("casey", "203.0.113.9", 25);
        assertThat(backOff.standing("casey", "203.0.113.9").pause()).isPresent();
        assertThat(backOff.standing("casey", "198.51.100.7").pause()).isEmpty();
        assertThat(backOff.standing("robin", "203.0.113.9").pause()).as("another account from the guesser's address").isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsPausedForAll() {
        for (int i = 0; i < FREE_PER_ADDRESS; i++) {
            backOff.failed("account-" + i, "203.0.113.9");
        }
        assertThat(backOff.standing("someone-else", "203.0.113.9").pause()).isEmpty();
        backOff.failed("account-x", "203.0.113.9");
        assertThat(backOff.standing("someone-else", "203.0.113.9").pause()).contains(Duration.ofSeconds(1));
        assertThat(backOff.standing("someone-else", "198.51.100.7").pause()).isEmpty();
    }

    @Test
    void aSuccessClearsItsPairAndFailuresAreForgottenAfterAnHour() {
        fail("casey", "203.0.113.9", SignInBackOff.FREE_PER_PAIR);
        backOff.succeeded("casey", "203.0.113.9", backOff.standing("casey", "203.0.113.9"));
        fail("casey", "203.0.113.9", 1);
        assertThat(backOff.standing("casey", "203.0.113.9").pause()).isEmpty();
        fail("robin", "203.0.113.9", SignInBackOff.FREE_PER_PAIR + 1);
        clock.advance(SignInBackOff.FORGET.plusSeconds(2));
        assertThat(documents.prune(SignInBackOff.KIND, SignInBackOff.CAPACITY, clock.instant())).isNotEmpty();
        fail("robin", "203.0.113.9", 1);
        assertThat(backOff.standing("robin", "203.0.113.9").pause()).as("counted afresh").isEmpty();
    }

    /** Every HTTP Basic request signs in with a password: a success with nothing to clear must not write. */
    @Test
    void aSuccessWithNoFailuresOnRecordWritesNothing() {
        AtomicInteger writes = new AtomicInteger();
        SharedDocuments counting = new SharedDocuments() {
            @Override
            public Optional<String> read(String kind, String key, Instant now) {
                return documents.read(kind, key, now);
            }

            @Override
            public Optional<String> update(String kind, String key, Instant now, Function<Optional<String>, Change> change) {
                writes.incrementAndGet();
                return documents.update(kind, key, now, change);
            }

            @Override
            public java.util.List<String> prune(String kind, int capacity, Instant now) {
                return documents.prune(kind, capacity, now);
            }
        };
        SignInBackOff watched = new SignInBackOff(counting, clock, FREE_PER_ADDRESS);

        watched.succeeded("casey", "203.0.113.9", watched.standing("casey", "203.0.113.9"));
        assertThat(writes).as("writes for a clean success").hasValue(0);

        watched.failed("casey", "203.0.113.9");
        int afterFailure = writes.get();
        watched.succeeded("casey", "203.0.113.9", watched.standing("casey", "203.0.113.9"));
        assertThat(writes.get() - afterFailure).as("a success clears the failure it follows").isEqualTo(1);
        assertThat(watched.standing("casey", "203.0.113.9").pairFailed()).isFalse();
    }
}

package org.wavelength.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wavelength.core.port.SettableClock;
import org.wavelength.core.port.InMemorySharedDocuments;

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
        assertThat(backOff.pause("casey", "203.0.113.9")).as("a few typos are free").isEmpty();
        fail("casey", "203.0.113.9", 1);
        assertThat(backOff.pause("casey", "203.0.113.9")).contains(Duration.ofSeconds(1));
        assertThat(backOff.pauseAt("203.0.113.9")).contains(Duration.ofSeconds(1));
        fail("casey", "203.0.113.9", 1);
        assertThat(backOff.pause("Casey", "203.0.113.9")).as("any case of the name").contains(Duration.ofSeconds(2));
        fail("casey", "203.0.113.9", 1);
        assertThat(backOff.pause("casey", "203.0.113.9")).contains(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(4));
        assertThat(backOff.pause("casey", "203.0.113.9")).isEmpty();
        fail("casey", "203.0.113.9", 40);
        assertThat(backOff.pause("casey", "203.0.113.9")).as("never longer than").contains(SignInBackOff.LONGEST);
    }

    @Test
    void theOwnerFromAnotherAddressIsNotLockedOut() {
        fail("casey", "203.0.113.9", 25);
        assertThat(backOff.pause("casey", "203.0.113.9")).isPresent();
        assertThat(backOff.pause("casey", "198.51.100.7")).isEmpty();
        assertThat(backOff.pause("robin", "203.0.113.9")).as("another account from the guesser's address").isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsPausedForAll() {
        for (int i = 0; i < FREE_PER_ADDRESS; i++) {
            backOff.failed("account-" + i, "203.0.113.9");
        }
        assertThat(backOff.pause("someone-else", "203.0.113.9")).isEmpty();
        backOff.failed("account-x", "203.0.113.9");
        assertThat(backOff.pause("someone-else", "203.0.113.9")).contains(Duration.ofSeconds(1));
        assertThat(backOff.pause("someone-else", "198.51.100.7")).isEmpty();
    }

    @Test
    void aSuccessClearsItsPairAndFailuresAreForgottenAfterAnHour() {
        fail("casey", "203.0.113.9", SignInBackOff.FREE_PER_PAIR);
        backOff.succeeded("casey", "203.0.113.9");
        fail("casey", "203.0.113.9", 1);
        assertThat(backOff.pause("casey", "203.0.113.9")).isEmpty();
        fail("robin", "203.0.113.9", SignInBackOff.FREE_PER_PAIR + 1);
        clock.advance(SignInBackOff.FORGET.plusSeconds(2));
        assertThat(documents.prune(SignInBackOff.KIND, SignInBackOff.CAPACITY, clock.instant())).isNotEmpty();
        fail("robin", "203.0.113.9", 1);
        assertThat(backOff.pause("robin", "203.0.113.9")).as("counted afresh").isEmpty();
    }
}

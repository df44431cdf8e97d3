package org.wavelength.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.wavelength.core.domain.Digests;
import org.wavelength.core.port.SharedDocuments;
import org.wavelength.web.config.WavelengthConfig;

/**
 * Slows password guessing (the sign-in form and HTTP Basic alike). Failures are counted per account and address
 * together, and per address: past a few free ones, each further failure pauses that pair (or address) for twice
 * as long as the last, up to {@link #LONGEST}; while paused, attempts are refused at once (429), unchecked. A
 * guesser elsewhere pauses only their own pairs: the owner of the account, from their own address, is not
 * locked out. Counts are forgotten {@link #FORGET} after the last failure; a success clears its pair. The counts
 * are {@link SharedDocuments}, so every web replica applies them, and expire, so they stay bounded.
 */
@ApplicationScoped
public class SignInBackOff {

    static final String KIND = "sign-in-failures";
    /** Failures of one account from one address before the first pause. */
    static final int FREE_PER_PAIR = 5;
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration FORGET = Duration.ofHours(1);
    static final int CAPACITY = 100_000;

    /** Failures so far and until when attempts are refused: "count pausedUntil-epoch-ms". */
    private record Failures(int count, Instant pausedUntil) {

        static final Failures NONE = new Failures(0, Instant.EPOCH);

        static Failures parse(String document) {
            String[] parts = document.split(" ");
            return new Failures(Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])));
        }

        Failures oneMore(Instant now, int free) {
            int failures = count + 1;
            if (failures <= free) {
                return new Failures(failures, pausedUntil);
            }
            int doublings = Math.min(failures - free - 1, 20);
            Duration pause = FIRST.multipliedBy(1L << doublings);
            return new Failures(failures, now.plus(pause.compareTo(LONGEST) > 0 ? LONGEST : pause));
        }

        String document() {
            return count + " " + pausedUntil.toEpochMilli();
        }
    }

    private final SharedDocuments documents;
    private final Clock clock;
    /** Failures from one address (over all accounts) before the first pause: a shared office's typos. */
    private final int freePerAddress;
    private final AtomicInteger sincePrune = new AtomicInteger();

    @Inject
    public SignInBackOff(SharedDocuments documents, WavelengthConfig config) {
        this(documents, Clock.systemUTC(), config.signIn().freeFailuresPerAddress());
    }

    SignInBackOff(SharedDocuments documents, Clock clock, int freePerAddress) {
        this.documents = documents;
        this.clock = clock;
        this.freePerAddress = freePerAddress;
    }

    /**
     * Where an account stands at an address before its password is checked: how long until it may be tried
     * again (empty: now), and whether failures of that pair are on record for a success to clear.
     */
    public record Standing(Optional<Duration> pause, boolean pairFailed) {
    }

    public Standing standing(String username, String address) {
        Instant now = clock.instant();
        Optional<Failures> pair = failures(pairKey(username, address), now);
        Instant until = later(pair.map(Failures::pausedUntil).orElse(Instant.EPOCH), pausedUntil(addressKey(address), now));
        return new Standing(until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty(),
                pair.isPresent());
    }

    /** The longest pause of any account at this address (what the sign-in page tells whoever is there). */
    public Optional<Duration> pauseAt(String address) {
        Instant now = clock.instant();
        Instant until = later(pausedUntil(addressKey(address), now), pausedUntil(latestKey(address), now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        Instant pair = count(pairKey(username, address), now, FREE_PER_PAIR);
        count(addressKey(address), now, freePerAddress);
        if (pair.isAfter(now)) {
            documents.update(KIND, latestKey(address), now, current -> new SharedDocuments.Change(
                    new Failures(0, later(pair, current.map(Failures::parse).orElse(Failures.NONE).pausedUntil())).document(),
                    pair.plus(FORGET)));
        }
        if (sincePrune.incrementAndGet() % 256 == 0) {
            documents.prune(KIND, CAPACITY, now);
        }
    }

    /** Clears the pair's failures; with none on record it writes nothing (every Basic API request succeeds here). */
    public void succeeded(String username, String address, Standing before) {
        if (before.pairFailed()) {
            documents.update(KIND, pairKey(username, address), clock.instant(), current -> SharedDocuments.Change.DELETE);
        }
    }

    private Instant count(String key, Instant now, int free) {
        Optional<String> left = documents.update(KIND, key, now, current -> {
            Failures next = current.map(Failures::parse).orElse(Failures.NONE).oneMore(now, free);
            return new SharedDocuments.Change(next.document(), later(next.pausedUntil(), now).plus(FORGET));
        });
        return left.map(Failures::parse).map(Failures::pausedUntil).orElse(Instant.EPOCH);
    }

    private Instant pausedUntil(String key, Instant now) {
        return failures(key, now).map(Failures::pausedUntil).orElse(Instant.EPOCH);
    }

    private Optional<Failures> failures(String key, Instant now) {
        return documents.read(KIND, key, now).map(Failures::parse);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The account's name is hashed: keys stay short whatever a script sends as a name. */
    static String pairKey(String username, String address) {
        return "pair:" + Digests.sha256Hex(username.toLowerCase(Locale.ROOT)) + "@" + address;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    static String latestKey(String address) {
        return "latest:" + address;
    }

}

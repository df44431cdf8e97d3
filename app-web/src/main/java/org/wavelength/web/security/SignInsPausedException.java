package org.wavelength.web.security;

import java.time.Duration;

/** Why a sign-in was refused unchecked: too many failures lately ({@link SignInBackOff}); the cause of a 429. */
public class SignInsPausedException extends RuntimeException {

    private final Duration retryAfter;

    SignInsPausedException(Duration retryAfter) {
        super("Too many failed sign-ins for this account from this address: try again in "
                + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " seconds.", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The pause behind a failed sign-in, if that is what it was. */
    public static java.util.Optional<SignInsPausedException> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SignInsPausedException paused) {
                return java.util.Optional.of(paused);
            }
        }
        return java.util.Optional.empty();
    }
}

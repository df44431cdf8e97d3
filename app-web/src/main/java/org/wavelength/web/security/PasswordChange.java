package org.wavelength.web.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * A listener changes their password: the current one is checked as a sign-in is (wrong ones count towards the
 * {@link SignInBackOff}, so a stolen session cannot guess it quickly), and every session of the account ends
 * with the change, this one included, on every device.
 */
@ApplicationScoped
public class PasswordChange {

    public enum Result { CHANGED, WRONG_PASSWORD, PAUSED }

    /** {@code pause}: how long until the current password may be tried again, when PAUSED. */
    public record Outcome(Result result, Duration pause) {

        static final Outcome CHANGED = new Outcome(Result.CHANGED, Duration.ZERO);
        static final Outcome WRONG_PASSWORD = new Outcome(Result.WRONG_PASSWORD, Duration.ZERO);
    }

    private final SignInBackOff backOff;
    private final Sessions sessions;

    public PasswordChange(SignInBackOff backOff, Sessions sessions) {
        this.backOff = backOff;
        this.sessions = sessions;
    }

    /** {@code next} must already satisfy the password rules of the page that asked for it. */
    public Outcome change(long accountId, String current, String next, String address) {
        Optional<UserAccount> found = QuarkusTransaction.requiringNew().call(() -> UserAccount.<UserAccount>findByIdOptional(accountId));
        if (found.isEmpty()) {
            return Outcome.WRONG_PASSWORD;
        }
        UserAccount account = found.get();
        SignInBackOff.Standing standing = backOff.standing(account.username, address);
        if (standing.pause().isPresent()) {
            return new Outcome(Result.PAUSED, standing.pause().get());
        }
        if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
            backOff.failed(account.username, address);
            return Outcome.WRONG_PASSWORD;
        }
        backOff.succeeded(account.username, address, standing);
        String hash = BcryptUtil.bcryptHash(next);
        QuarkusTransaction.requiringNew().run(() -> {
            UserAccount.update("passwordHash = ?1 where id = ?2", hash, accountId);
            sessions.endAll(accountId);
        });
        return Outcome.CHANGED;
    }
}

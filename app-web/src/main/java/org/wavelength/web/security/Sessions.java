package org.wavelength.web.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wavelength.core.port.SharedDocuments;

/**
 * Ends sign-in sessions, which a cookie alone cannot do: a cookie captured before signing out would still be
 * accepted until it expires. One session is ended by recording its id until no cookie of it can still be
 * valid (the form cookie's idle timeout); all of an account's by moving its session version on. Both are
 * checked on every request that a cookie authenticates ({@link SessionRestore}); the records are
 * {@link SharedDocuments}, so every web replica sees them.
 */
@ApplicationScoped
public class Sessions {

    static final String ENDED = "ended-session";

    private final SharedDocuments documents;
    private final Duration cookieLifetime;
    private final Clock clock = Clock.systemUTC();

    public Sessions(SharedDocuments documents,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M") Duration cookieLifetime) {
        this.documents = documents;
        this.cookieLifetime = cookieLifetime;
    }

    /** Signs out the session of this identity (nothing for a visitor or a script with Basic credentials). */
    public void end(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        SessionSubject.parse(identity.getPrincipal().getName()).ifPresent(subject -> {
            Instant now = clock.instant();
            // A minute more than the cookie's life: a cookie renewed just before signing out is covered too.
            documents.update(ENDED, subject.sessionId(), now,
                    current -> new SharedDocuments.Change("ended", now.plus(cookieLifetime).plusSeconds(60)));
        });
    }

    /** Signs out every session of the account, on every device. */
    public void endAll(long accountId) {
        QuarkusTransaction.joiningExisting().run(() -> UserAccount.update(
                "sessionVersion = sessionVersion + 1 where id = ?1", accountId));
    }

    boolean ended(SessionSubject subject) {
        return documents.read(ENDED, subject.sessionId(), clock.instant()).isPresent();
    }

    /** The account a cookie names, if its session still holds. */
    Optional<UserAccount> live(SessionSubject subject) {
        return UserAccount.byUsername(subject.username())
                .filter(account -> account.sessionVersion == subject.version())
                .filter(account -> !ended(subject));
    }
}

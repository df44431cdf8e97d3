package org.wavelength.web.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.web.persistence.UniqueViolations;

/** A sign-in account: its bcrypt hash ({@link PasswordSignIn} checks it), roles and session version. */
@Entity
@Table(name = "app_user")
public class UserAccount extends PanacheEntityBase {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    public Long id;

    public String username;

    /** The name lower-cased, unique: one account per name whatever its case (V11). */
    @Column(name = "username_key")
    public String usernameKey;

    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated role names. */
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Moves on to end every session of the account at once ({@link Sessions#endAll}); a cookie carries the one it began with. */
    @Column(name = "session_version")
    public int sessionVersion;

    public static Optional<UserAccount> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** Whether an account has this name in any case. */
    public static boolean nameTaken(String username) {
        return QuarkusTransaction.joiningExisting().call(() -> count("usernameKey", username.toLowerCase(Locale.ROOT)) > 0);
    }

    /**
     * Creates the account in a transaction of its own; a {@link ConflictException} when its name, in any case, is
     * taken, which a check before cannot promise (two sign-ups at once both pass it).
     */
    public static UserAccount register(String username, String password, String roles) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                UserAccount account = create(username, password, roles);
                flush();
                return account;
            });
        } catch (RuntimeException e) {
            if (UniqueViolations.isCause(e)) {
                throw new ConflictException("The user name " + username + " is taken");
            }
            throw e;
        }
    }

    public static UserAccount create(String username, String password, String roles) {
        UserAccount account = new UserAccount();
        account.username = username;
        account.usernameKey = username.toLowerCase(Locale.ROOT);
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.roles = roles;
        account.createdAt = Instant.now();
        account.persist();
        return account;
    }
}

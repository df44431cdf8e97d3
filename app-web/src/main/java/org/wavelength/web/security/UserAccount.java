package org.wavelength.web.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

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

    public static UserAccount create(String username, String password, String roles) {
        UserAccount account = new UserAccount();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.roles = roles;
        account.createdAt = Instant.now();
        account.persist();
        return account;
    }
}

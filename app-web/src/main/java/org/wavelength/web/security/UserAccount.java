package org.wavelength.web.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A sign-in account; quarkus-security-jpa checks passwords against the bcrypt hash. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class UserAccount extends PanacheEntityBase {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    public Long id;

    @Username
    public String username;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated role names. */
    @Roles
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

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

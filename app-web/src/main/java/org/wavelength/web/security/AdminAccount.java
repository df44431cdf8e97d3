package org.wavelength.web.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import org.wavelength.web.config.WavelengthConfig;

/** First start: creates the account {@code admin}, with the configured password or a generated one. */
@ApplicationScoped
public class AdminAccount {

    public static final String USERNAME = "admin";

    private final WavelengthConfig config;

    public AdminAccount(WavelengthConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (UserAccount.byUsername(USERNAME).isPresent()) {
            return;
        }
        String password = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        if (password != null) {
            UserAccount.create(USERNAME, password, UserAccount.ROLE_ADMIN + "," + UserAccount.ROLE_USER);
            Log.info("Created the admin account 'admin' with the password from WAVELENGTH_ADMIN_PASSWORD");
            return;
        }
        String generated = generatePassword();
        UserAccount.create(USERNAME, generated, UserAccount.ROLE_ADMIN + "," + UserAccount.ROLE_USER);
        // Shown once, on the start that created the account; only its bcrypt hash is stored.
        Log.infof("Created the admin account 'admin' with the generated password: %s"
                + " (shown only this once; set WAVELENGTH_ADMIN_PASSWORD to choose one)", generated);
    }

    static String generatePassword() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

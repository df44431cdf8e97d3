package org.wavelength.web.page;

import java.nio.charset.StandardCharsets;
import org.wavelength.web.i18n.AppMessages;

/** What a new password must be, on sign-up and on a change; null when it is fine, else why not. */
final class PasswordRule {

    static final int MIN_LENGTH = 10;
    /** bcrypt reads 72 bytes at most; longer passwords would be silently cut. */
    static final int MAX_BYTES = 72;

    private PasswordRule() {
    }

    static String problem(String password, String confirm, AppMessages messages) {
        if (password == null || password.length() < MIN_LENGTH) {
            return messages.passwordTooShort(MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return messages.passwordTooLong(MAX_BYTES);
        }
        if (!password.equals(confirm)) {
            return messages.passwordsDiffer();
        }
        return null;
    }
}

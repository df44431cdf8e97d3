package org.wavelength.web.security;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Optional;

/** Why a token was refused, in words for the API's answer: the cause of the {@link AuthenticationFailedException}. */
public class TokenRefusedException extends RuntimeException {

    TokenRefusedException(String message) {
        super(message, null, false, false);
    }

    static AuthenticationFailedException failure(String message) {
        return new AuthenticationFailedException(message, new TokenRefusedException(message));
    }

    public static Optional<TokenRefusedException> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TokenRefusedException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}

package org.wavelength.web.security;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Why a sign-in cookie was refused: its session was ended (signed out, here or everywhere), or it names no
 * account. The cause of the {@link AuthenticationFailedException} (which is final) that reaches the error mapper.
 */
public class SessionEndedException extends RuntimeException {

    SessionEndedException() {
        super("The session has ended", null, false, false);
    }

    static AuthenticationFailedException failure() {
        return new AuthenticationFailedException("The session has ended", new SessionEndedException());
    }

    /** Whether this failure is a cookie of an ended session. */
    public static boolean endedSession(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SessionEndedException) {
                return true;
            }
        }
        return false;
    }
}

package org.wavelength.web.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A token sent with a request: as a Bearer token (no user name), or as the password of HTTP Basic. */
final class TokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final TokenCredentials credentials;

    TokenAuthenticationRequest(TokenCredentials credentials) {
        this.credentials = credentials;
    }

    TokenCredentials credentials() {
        return credentials;
    }
}

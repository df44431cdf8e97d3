package org.wavelength.ingest.fetch;

/**
 * A fetch was refused before connecting because the address, or a redirect, leads to a private or
 * local network address (see {@link AddressPolicy}). Retrying will not help unless the publisher
 * changes the address or its DNS.
 */
public class PrivateAddressException extends FetchException {

    private static final long serialVersionUID = 1L;

    public PrivateAddressException(String message) {
        super(message);
    }
}

package org.wavelength.core.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A link from a feed that may be shown, played or followed: an absolute http or https address with a host, no
 * longer than the database keeps. Anything else a feed writes there (javascript:, data:, file:, a relative path
 * nobody resolved) is no link at all: a page would turn it into a script to click or a file to fetch.
 */
public final class WebAddress {

    /** The length of the columns that hold links. */
    public static final int MAX_LENGTH = 2048;

    private WebAddress() {
    }

    /** The address when it is one, else null. */
    public static String orNull(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return null;
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? address : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

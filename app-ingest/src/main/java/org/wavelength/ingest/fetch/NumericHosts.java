package org.wavelength.ingest.fetch;

/**
 * Refuses numeric hosts that programs read differently. Java reads {@code 0177.0.0.1} as 177.0.0.1,
 * while browsers (WHATWG URL), inet_aton and many resolvers read the leading zero as octal and get
 * 127.0.0.1; {@code 0x7f.1}, {@code 127.1} and {@code 2130706433} are 127.0.0.1 to them, and mean
 * nothing or something else to Java. The address guard can only vouch for the address it checked, so
 * a host that ends in a number is accepted only as four decimal numbers of 0 to 255 without leading
 * zeros: the one form every reader agrees on. IPv6 literals are bracketed and not concerned.
 */
final class NumericHosts {

    private NumericHosts() {
    }

    /**
     * Why {@code host} is an ambiguous numeric address, for a message, or null when it is a name, an IPv6
     * literal or a plain dotted quad.
     */
    static String ambiguity(String host) {
        if (host == null || host.isEmpty() || host.startsWith("[")) {
            return null;
        }
        String[] parts = host.split("\\.", -1);
        String last = parts[parts.length - 1];
        boolean trailingDot = last.isEmpty() && parts.length > 1;
        if (trailingDot) {
            last = parts[parts.length - 2];
        }
        if (!isNumber(last)) {
            return null; // a name: "example.com", "1e100.net", even "example.com."
        }
        String problem = problem(parts, trailingDot);
        return problem == null ? null
                : "'" + host + "' is a numeric server address in an ambiguous form (" + problem + "), which programs "
                        + "read as different addresses; write it as four decimal numbers from 0 to 255 without "
                        + "leading zeros, such as 203.0.113.7, or use the server's name";
    }

    private static String problem(String[] parts, boolean trailingDot) {
        int count = trailingDot ? parts.length - 1 : parts.length;
        for (int i = 0; i < count; i++) {
            String part = parts[i];
            if (!isNumber(part)) {
                return "a name that ends in a number, which browsers read as an IPv4 address";
            }
            if (part.length() > 1 && (part.charAt(1) == 'x' || part.charAt(1) == 'X')) {
                return "a hexadecimal part, " + part;
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                return "a leading zero in " + part + ", which is octal to many programs";
            }
        }
        if (count < 4) {
            return "fewer than four parts, which some programs fill with zeros and others read as one number";
        }
        if (count > 4) {
            return "more than four parts";
        }
        for (int i = 0; i < count; i++) {
            if (parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
                return "a part larger than 255, " + parts[i];
            }
        }
        return trailingDot ? "it ends with a dot" : null;
    }

    /** A part WHATWG reads as a number: decimal digits, or 0x and hexadecimal digits (none at all too). */
    private static boolean isNumber(String part) {
        if (part.isEmpty()) {
            return false;
        }
        boolean hex = part.length() >= 2 && part.charAt(0) == '0' && (part.charAt(1) == 'x' || part.charAt(1) == 'X');
        for (int i = hex ? 2 : 0; i < part.length(); i++) {
            if (Character.digit(part.charAt(i), hex ? 16 : 10) < 0 || part.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The host as written in an http(s) URI's authority, also when {@link java.net.URI#getHost()} gave up on it. */
    static String writtenHost(java.net.URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            return host;
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }
}

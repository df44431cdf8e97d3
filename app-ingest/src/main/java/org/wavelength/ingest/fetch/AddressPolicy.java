package org.wavelength.ingest.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Set;

/**
 * Server-side request forgery guard: decides whether a host may be fetched from, by the addresses
 * its name resolves to. Feed, transcript and chapter addresses come from outside (publishers,
 * users, OPML files), so without this anyone could make Wavelength fetch from the cloud metadata
 * service, the database's admin port or another service on the internal network, and read the
 * answer back in an error message or an episode.
 *
 * <p>Refused: loopback, link-local (including the cloud metadata addresses 169.254.169.254 and
 * fd00:ec2::254), private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), carrier-grade NAT
 * (100.64/10), unspecified (0/8, ::), multicast, reserved IPv4 (192.0.0/24, 198.18/15, 240/4 with
 * the broadcast address), IPv6 outside global unicast 2000::/3, and IPv6 forms that embed one of
 * those IPv4 addresses (IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96, 6to4
 * 2002::/16). One refused address refuses the host, since the client may connect to any of them.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressPolicy {

    /** Looks up the addresses of a host name or IP literal (without brackets). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A refused host: the address that made it refused, and why. */
    public record Refusal(String host, InetAddress address, String reason) {

        /** "10.0.0.1, private network" or "intranet.example is 10.1.2.3, private network". */
        public String describe() {
            String ip = format(address);
            String bareHost = unbracket(host);
            boolean literal = bareHost.equalsIgnoreCase(ip) || bareHost.equalsIgnoreCase(address.getHostAddress());
            return (literal ? ip : bareHost + " is " + ip) + ", " + reason;
        }
    }

    /** What a lookup found: the addresses, all checked, and the first refused one (null when none is). */
    public record Lookup(InetAddress[] addresses, Refusal refusal) {
    }

    private static final AddressPolicy ALLOW_ALL = new AddressPolicy(null, Set.of());

    private final Resolver resolver;
    private final Set<InetAddress> treatedAsPublic;

    private AddressPolicy(Resolver resolver, Set<InetAddress> treatedAsPublic) {
        this.resolver = resolver;
        this.treatedAsPublic = treatedAsPublic;
    }

    /** Only public addresses, resolved with the system resolver ({@link InetAddress#getAllByName}). */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(InetAddress::getAllByName, Set.of());
    }

    /** Only public addresses, resolved with {@code resolver}: for tests, which must not depend on real DNS. */
    public static AddressPolicy publicOnly(Resolver resolver) {
        return new AddressPolicy(Objects.requireNonNull(resolver, "resolver"), Set.of());
    }

    /**
     * Public addresses and {@code treatedAsPublic}, resolved with {@code resolver}: for tests, which can only
     * reach loopback, so that a loopback server can play a public one while every other address is judged as usual.
     */
    static AddressPolicy publicOnly(Resolver resolver, Set<InetAddress> treatedAsPublic) {
        return new AddressPolicy(Objects.requireNonNull(resolver, "resolver"), Set.copyOf(treatedAsPublic));
    }

    /** Every address, private ones included, without any lookup: for tests and local demos. */
    public static AddressPolicy allowAll() {
        return ALLOW_ALL;
    }

    /** True for {@link #allowAll()}: {@link #check} refuses nothing and resolves nothing. */
    public boolean allowsAll() {
        return resolver == null;
    }

    /**
     * Resolves {@code host} (a name or an IP literal, IPv6 with or without brackets) and checks every
     * address it has.
     *
     * @return null when the host may be fetched from, else the first refused address
     * @throws UnknownHostException when the name does not resolve
     */
    public Refusal check(String host) throws UnknownHostException {
        return resolver == null ? null : lookup(host).refusal();
    }

    /**
     * Resolves {@code host} once and checks every address it has: the connection is then made to these
     * very addresses, so that a second lookup cannot answer differently (DNS rebinding). With
     * {@link #allowAll()}, the system resolver's addresses, unchecked.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    public Lookup lookup(String host) throws UnknownHostException {
        if (host == null || host.isBlank()) {
            throw new UnknownHostException("no host");
        }
        Resolver lookingUp = resolver == null ? InetAddress::getAllByName : resolver;
        InetAddress[] addresses = lookingUp.resolve(unbracket(host));
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        addresses = addresses.clone();
        if (resolver != null) {
            for (InetAddress address : addresses) {
                String reason = treatedAsPublic.contains(address) ? null : refusalReason(address);
                if (reason != null) {
                    return new Lookup(addresses, new Refusal(host, address, reason));
                }
            }
        }
        return new Lookup(addresses, null);
    }

    /** Why {@code address} may not be fetched from ("private network", "loopback", ...), or null when it is public. */
    public static String refusalReason(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address || bytes.length == 4) {
            return ipv4Reason(bytes, 0);
        }
        String special = ipv6Reason(bytes);
        if (special != null) {
            return special;
        }
        int embedded = embeddedIpv4Offset(bytes);
        if (embedded >= 0) {
            String reason = ipv4Reason(bytes, embedded);
            return reason == null ? null : reason + " (IPv4 inside an IPv6 address)";
        }
        // Everything the internet routes is in 2000::/3; the rest is reserved or local.
        return (bytes[0] & 0xE0) == 0x20 ? null : "reserved IPv6 range";
    }

    private static String ipv4Reason(byte[] bytes, int offset) {
        int a = bytes[offset] & 0xFF;
        int b = bytes[offset + 1] & 0xFF;
        int c = bytes[offset + 2] & 0xFF;
        int d = bytes[offset + 3] & 0xFF;
        if (a == 0) {
            return "unspecified (this host)";
        }
        if (a == 127) {
            return "loopback";
        }
        if (a == 10 || (a == 172 && (b & 0xF0) == 16) || (a == 192 && b == 168)) {
            return "private network";
        }
        if (a == 169 && b == 254) {
            return c == 169 && d == 254 ? "cloud metadata service" : "link-local";
        }
        if (a == 100 && (b & 0xC0) == 64) {
            return "carrier-grade NAT";
        }
        if (a >= 224 && a <= 239) {
            return "multicast";
        }
        if (a >= 240 || (a == 192 && b == 0 && c == 0) || (a == 198 && (b & 0xFE) == 18)) {
            return "reserved";
        }
        return null;
    }

    /** Classes of IPv6 address that are not about an embedded IPv4 address. */
    private static String ipv6Reason(byte[] b) {
        boolean zeroPrefix = isZero(b, 0, 15);
        if (zeroPrefix && b[15] == 0) {
            return "unspecified (this host)";
        }
        if (zeroPrefix && b[15] == 1) {
            return "loopback";
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (first == 0xFF) {
            return "multicast";
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return "link-local";
        }
        if (first == 0xFE && (second & 0xC0) == 0xC0) {
            return "private network (IPv6 site-local)";
        }
        if ((first & 0xFE) == 0xFC) {
            // fd00:ec2::254 is the IPv6 address of the AWS instance metadata service.
            boolean metadata = first == 0xFD && second == 0 && (b[2] & 0xFF) == 0x0E && (b[3] & 0xFF) == 0xC2
                    && isZero(b, 4, 14) && (b[14] & 0xFF) == 0x02 && (b[15] & 0xFF) == 0x54;
            return metadata ? "cloud metadata service" : "private network (IPv6 unique local)";
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && b[4] == 0 && b[5] == 1) {
            return "private network (local-use NAT64)"; // 64:ff9b:1::/48
        }
        return null;
    }

    /** Where an IPv4 address sits inside {@code b}, for the IPv6 forms that carry one; -1 for none. */
    private static int embeddedIpv4Offset(byte[] b) {
        if (isZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return 12; // IPv4-mapped ::ffff:a.b.c.d
        }
        if (isZero(b, 0, 12)) {
            return 12; // IPv4-compatible ::a.b.c.d (deprecated)
        }
        if (b[0] == 0 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B && isZero(b, 4, 12)) {
            return 12; // NAT64 well-known prefix 64:ff9b::a.b.c.d
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return 2; // 6to4 2002:aabb:ccdd::
        }
        return -1;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String unbracket(String host) {
        return host.length() > 2 && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The address in its usual short text form: "10.0.0.1", "fd00:ec2::254", "::ffff:10.0.0.1". */
    static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        if (isZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return "::ffff:" + (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: "::" only for two or more zero groups
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}

package org.wavelength.ingest.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host name into addresses: one lookup through the
 * {@link AddressPolicy}, every address checked, and only those addresses handed to the connection.
 * So the address connected to is always one that was checked, at the moment of connecting, on every
 * redirect hop: a name whose DNS answer flips from public to private between the guard's look and
 * the connection (DNS rebinding) is refused. TLS still verifies the certificate against the host
 * name and sends it as SNI, since the client keeps the name and only the socket gets the address.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** The connection was refused at connect time: the lookup then found a refused address. */
    static final class RefusedAtConnect extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        private final transient AddressPolicy.Refusal refusal;

        RefusedAtConnect(AddressPolicy.Refusal refusal) {
            super(refusal.host() + " now resolves to a refused address (" + refusal.describe() + ")");
            this.refusal = refusal;
        }

        AddressPolicy.Refusal refusal() {
            return refusal;
        }
    }

    private final AddressPolicy policy;

    GuardedDnsResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        AddressPolicy.Lookup lookup = policy.lookup(host);
        if (lookup.refusal() != null) {
            throw new RefusedAtConnect(lookup.refusal());
        }
        return lookup.addresses();
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        // Overridden so that no address is ever left unresolved, for the socket to look up on its own.
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            addresses.add(new InetSocketAddress(address, port));
        }
        return addresses;
    }

    /** The name as given: no reverse or canonical lookups, which would be more answers to trust. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}

package org.wavelength.ingest.fetch;

import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses, before connecting, every address on the way (the first and each redirect) that its policy refuses.
 *
 * <p>DNS rebinding: the policy resolves the host here, and the HttpClient resolves it again when it
 * connects, so a name whose DNS answer changes in between (a short TTL flipping from a public to a
 * private address) could slip through. On Java 17 there is no clean way to make the client connect
 * to the checked address: HttpClient takes no resolver (the InetAddressResolver SPI arrives in Java
 * 18, and is JVM-wide), and connecting to the IP with a Host header needs the restricted-header
 * system property and breaks TLS server name checks. What narrows the window: both lookups go
 * through the JVM's positive DNS cache (networkaddress.cache.ttl, 30 seconds by default without a
 * security manager), which the client's lookup, microseconds later, nearly always hits, so it sees
 * the very addresses checked here; only an entry expiring between the two lookups reopens it.
 * Deployments that need more should also block private ranges at the network level (egress rules).
 * The window is per hop: every redirect target is checked again the same way.
 */
final class AddressGuard {

    /** A redirect followed: {@code from} answered {@code status} with a Location leading to the next hop. */
    record Hop(URI from, int status) {
    }

    private final AddressPolicy policy;

    AddressGuard(AddressPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param via how {@code target} was reached from {@code original}, or null when it is the original
     * @throws PrivateAddressException when the policy refuses the target's host
     * @throws FetchException          when the host cannot be looked up
     */
    void check(String subject, URI original, URI target, Hop via) {
        if (policy.allowsAll()) {
            return;
        }
        AddressPolicy.Refusal refusal;
        try {
            refusal = policy.check(target.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(FetchFailures.unknownHost(target.getHost()), e);
        }
        if (refusal == null) {
            return;
        }
        String why = "a private or local network address (" + refusal.describe() + "), which is not allowed: "
                + "only servers on the public internet are fetched from. For local tests and demos, an "
                + "administrator can allow such addresses with wavelength.ingest.allow-private-hosts=true.";
        if (via == null) {
            throw new PrivateAddressException("The " + subject + " points to " + why + " (" + original + ")");
        }
        String from = via.from().equals(original) ? "" : " from " + via.from();
        throw new PrivateAddressException("The " + subject + " " + original + " is redirected (HTTP " + via.status() + from
                + ") to " + target + ", " + why);
    }
}

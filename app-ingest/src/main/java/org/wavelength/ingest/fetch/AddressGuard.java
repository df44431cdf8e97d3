package org.wavelength.ingest.fetch;

import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses, before connecting, every address on the way (the first and each redirect) that its policy
 * refuses, and words the refusal, also when it happens at connect time.
 *
 * <p>DNS rebinding: the check here resolves the host, and the connection resolves it again, so a name
 * whose DNS answer changes in between (a short TTL flipping from a public to a private address) could
 * slip through. It cannot: the HTTP client's only resolver is {@link GuardedDnsResolver}, which checks
 * the addresses of its own lookup and hands the connection only those, on every hop. The check here
 * still matters: it words the refusal with the hop it came from, and it guards requests sent through a
 * proxy (a JVM proxy setting), which resolves names itself; deployments that use one should block
 * private ranges there too.
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
        if (refusal != null) {
            throw refused(subject, original, target, via, refusal);
        }
    }

    /** The refusal in words: which address, reached how, and what an administrator can do. */
    static PrivateAddressException refused(String subject, URI original, URI target, Hop via, AddressPolicy.Refusal refusal) {
        String why = "a private or local network address (" + refusal.describe() + "), which is not allowed: "
                + "only servers on the public internet are fetched from. For local tests and demos, an "
                + "administrator can allow such addresses with wavelength.ingest.allow-private-hosts=true.";
        if (via == null) {
            return new PrivateAddressException("The " + subject + " points to " + why + " (" + original + ")");
        }
        String from = via.from().equals(original) ? "" : " from " + via.from();
        return new PrivateAddressException("The " + subject + " " + original + " is redirected (HTTP " + via.status() + from
                + ") to " + target + ", " + why);
    }
}

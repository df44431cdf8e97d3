package org.wavelength.ingest.fetch;

import java.net.URI;

/**
 * The outcome of a conditional fetch ({@link FeedFetcher#fetch(URI, Validators)}): either the
 * document ({@link FetchedDocument}) or word that it has not changed since the validators were
 * received ({@link NotModified}). Failures are thrown as {@link FetchException}.
 */
public sealed interface FetchResult permits FetchedDocument, NotModified {

    /** Where the answer came from, after redirects. */
    URI finalUri();

    /**
     * Where the requested address has moved for good, or null: the address reached through the
     * redirects at the start of the chain that were all permanent (301 or 308). The stored address
     * should be replaced with it. For A -301-> B -302-> C it is B, since C may change again;
     * for A -302-> B -301-> C it is null, since A itself only moved for now.
     */
    URI permanentRedirect();

    /** The validators to store for the next conditional fetch. */
    Validators validators();
}

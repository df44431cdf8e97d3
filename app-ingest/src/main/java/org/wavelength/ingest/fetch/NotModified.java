package org.wavelength.ingest.fetch;

import java.net.URI;

/**
 * The server answered 304 Not Modified to a conditional fetch: the document is the one the
 * validators were received with, no body was read, and there is nothing to parse.
 *
 * @param finalUri          where the 304 came from, after redirects
 * @param validators        the validators sent in the 304, each one falling back to the one sent
 *                          in the request when the server left it out, so they can be stored as they are
 * @param permanentRedirect see {@link FetchResult#permanentRedirect()}
 */
public record NotModified(URI finalUri, Validators validators, URI permanentRedirect) implements FetchResult {
}

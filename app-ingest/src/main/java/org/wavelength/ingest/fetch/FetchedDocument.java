package org.wavelength.ingest.fetch;

import java.net.URI;

/**
 * A downloaded document (feed, transcript, chapters) body, already decompressed.
 *
 * @param finalUri          where the body came from after redirects: the base for relative URLs in it
 * @param body              the bytes as the server sent them (the parser finds the encoding)
 * @param contentType       the Content-Type header, or null when the server sent none
 * @param etag              the ETag header, or null when the server sent none
 * @param lastModified      the Last-Modified header, or null when the server sent none
 * @param permanentRedirect see {@link FetchResult#permanentRedirect()}
 */
public record FetchedDocument(URI finalUri, byte[] body, String contentType, String etag, String lastModified,
        URI permanentRedirect) implements FetchResult {

    /** A document without validators, not reached through a permanent redirect. */
    public FetchedDocument(URI finalUri, byte[] body, String contentType) {
        this(finalUri, body, contentType, null, null, null);
    }

    @Override
    public Validators validators() {
        return new Validators(etag, lastModified);
    }
}

package org.wavelength.ingest.fetch;

import java.net.URI;

/**
 * A downloaded feed body, already decompressed.
 *
 * @param finalUri    where the body came from after redirects: the base for relative URLs in it
 * @param body        the bytes as the server sent them (the parser finds the encoding)
 * @param contentType the Content-Type header, or null when the server sent none
 */
public record FetchedDocument(URI finalUri, byte[] body, String contentType) {
}

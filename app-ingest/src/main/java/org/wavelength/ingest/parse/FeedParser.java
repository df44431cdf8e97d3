package org.wavelength.ingest.parse;

import java.net.URI;
import org.wavelength.core.domain.FeedContent;

/**
 * Reads an RSS or Atom podcast feed into {@link FeedContent}.
 *
 * <p>ROME does the mapping; {@link FeedDocumentReader} makes it as lenient as podcast clients (see
 * {@link FeedText}) and as strict as a server that reads documents from strangers must be: no
 * DOCTYPE, no DTD, no external entities. {@link ShowReader} and {@link EpisodeReader} then read the
 * show and its episodes, from ROME's objects and from the raw XML for what ROME loses. Every failure
 * is a {@link FeedParseException} whose message an admin can read.
 *
 * <p>Thread-safe: nothing is shared between calls.
 */
public class FeedParser {

    /**
     * Parses one downloaded document.
     *
     * @param document the bytes as downloaded (any encoding; see {@link FeedText#decode})
     * @param baseUri  where the document came from (after redirects), to resolve relative URLs; may be null
     * @throws FeedParseException when the document is not a feed, is unsafe, or is not readable XML
     */
    public FeedContent parse(byte[] document, URI baseUri) {
        FeedDocument parsed = FeedDocumentReader.read(document);
        try {
            return ShowReader.read(parsed, baseUri);
        } catch (RuntimeException e) {
            // Callers show our message to an admin; an odd feed must not surface as a raw stack trace.
            throw new FeedParseException("The feed could not be read because of an unexpected problem with its content ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }
}

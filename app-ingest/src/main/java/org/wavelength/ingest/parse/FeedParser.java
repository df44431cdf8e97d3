package org.wavelength.ingest.parse;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.wavelength.core.domain.FeedContent;

/**
 * Reads an RSS or Atom podcast feed into {@link FeedContent}.
 *
 * <p>ROME does the mapping; {@link FeedDocumentReader} makes it as lenient as podcast clients (see
 * {@link FeedText}) and as strict as a server that reads documents from strangers must be: no
 * DOCTYPE (but the Netscape RSS 0.91 one, never resolved), no DTD, no external entities, and no tree deeper, larger or slower to
 * build than {@link FeedShapeLimits} allows. {@link ShowReader} and {@link EpisodeReader} then read the
 * show and its episodes, from ROME's objects and from the raw XML for what ROME loses. Every failure
 * is a {@link FeedParseException} whose message an admin can read.
 *
 * <p>Thread-safe: nothing is shared between calls.
 */
public class FeedParser {

    private final Duration timeLimit;

    /** A parser that gives each feed {@value FeedShapeLimits#MAX_DEPTH} levels and a minute at most. */
    public FeedParser() {
        this(FeedShapeLimits.DEFAULT_TIME_LIMIT);
    }

    /**
     * @param timeLimit how long one feed may take to read ({@code wavelength.ingest.parse-time-limit}), so
     *                  that no document can hold a worker for long; checked while the tree is built and
     *                  between the steps after it
     */
    public FeedParser(Duration timeLimit) {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, not " + timeLimit);
        }
        this.timeLimit = timeLimit;
    }

    /**
     * Parses one downloaded document.
     *
     * @param document the bytes as downloaded (any encoding; see {@link FeedText#decode})
     * @param baseUri  where the document came from (after redirects), to resolve relative URLs; may be null
     * @throws FeedParseException when the document is not a feed, is unsafe, or is not readable XML
     */
    public FeedContent parse(byte[] document, URI baseUri) {
        return read(document, baseUri, FeedShapeLimits.startingNow(timeLimit));
    }

    /** A feed and how many items its document listed, of which only the newest {@code maxItems} were read. */
    public record Newest(FeedContent content, int itemsListed) {
    }

    /**
     * Parses one downloaded document keeping only its newest {@code maxItems} items, dropped while the XML is
     * read: what a feed of any length costs in memory is bounded by {@code maxItems}.
     */
    public Newest parseNewest(byte[] document, URI baseUri, int maxItems) {
        NewestItemWindow window = new NewestItemWindow(maxItems);
        FeedContent content = read(document, baseUri, FeedShapeLimits.startingNow(timeLimit, window));
        return new Newest(content, window.listed());
    }

    private static FeedContent read(byte[] document, URI baseUri, FeedShapeLimits limits) {
        FeedDocument parsed = FeedDocumentReader.read(document, limits);
        FeedContent content;
        try {
            content = ShowReader.read(parsed, baseUri);
        } catch (RuntimeException e) {
            // Callers show our message to an admin; an odd feed must not surface as a raw stack trace.
            throw new FeedParseException("The feed could not be read because of an unexpected problem with its content ("
                    + e.getClass().getSimpleName() + ").", e);
        }
        limits.checkTime();
        return content;
    }
}

package org.wavelength.ingest.parse;

import java.time.Duration;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.JDOMFactory;
import org.jdom2.input.sax.SAXHandler;
import org.jdom2.input.sax.SAXHandlerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * How deep, how large and how long a feed's XML tree may grow while it is built, checked element by
 * element as the parser reports them, so that a refused document never becomes a tree.
 *
 * <p>Why: JDOM checks, for every element it adds, that it is not one of its own ancestors, so a tree
 * costs the square of its depth to build; a 1.4 MB item of 200,000 nested elements held a worker for
 * a quarter of an hour. Real feeds nest fewer than 20 deep (an Atom entry's XHTML content a little
 * more) and a 20 MB feed of 10,000 episodes has some 300,000 elements.
 */
final class FeedShapeLimits {

    static final int MAX_DEPTH = 256;
    static final int MAX_ELEMENTS = 500_000;
    /** What a parser not told otherwise allows for one feed; the ingest setting is wavelength.ingest.parse-time-limit. */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    /** Stands in the parser's exception chain for a limit passed; its message is for the admin. */
    static final class ShapeRefused extends SAXException {
        private static final long serialVersionUID = 1L;

        ShapeRefused(String message) {
            super(message);
        }
    }

    private final Duration timeLimit;
    private final long deadline;
    /** Null when every item is kept. */
    private final NewestItemWindow window;

    private FeedShapeLimits(Duration timeLimit, NewestItemWindow window) {
        this.timeLimit = timeLimit;
        this.deadline = System.nanoTime() + timeLimit.toNanos();
        this.window = window;
    }

    /** Limits for one document, its time counted from now. */
    static FeedShapeLimits startingNow(Duration timeLimit) {
        return new FeedShapeLimits(timeLimit, null);
    }

    /** The same, and only the newest {@code window}'s worth of items kept in the tree as it is built. */
    static FeedShapeLimits startingNow(Duration timeLimit, NewestItemWindow window) {
        return new FeedShapeLimits(timeLimit, window);
    }

    /** @throws FeedParseException when the document has been read for longer than the time limit */
    void checkTime() {
        if (timeIsUp()) {
            throw new FeedParseException(tookTooLong());
        }
    }

    private boolean timeIsUp() {
        return System.nanoTime() - deadline > 0;
    }

    private String tookTooLong() {
        return "The feed took longer than " + timeLimit.toMillis() / 1000.0 + " seconds to read, so it was given up "
                + "to keep ingestion going for the other feeds. It will be tried again later; a feed that always "
                + "takes this long is probably built to tie up feed readers.";
    }

    /** A JDOM handler that refuses the document as soon as it passes a limit. */
    SAXHandlerFactory handlers() {
        return factory -> new CountingHandler(factory);
    }

    private final class CountingHandler extends SAXHandler {
        private int depth;
        private int elements;

        CountingHandler(JDOMFactory factory) {
            super(factory);
        }

        @Override
        public void startElement(String namespaceUri, String localName, String qName, Attributes attributes)
                throws SAXException {
            depth++;
            elements++;
            if (depth > MAX_DEPTH) {
                throw new ShapeRefused("The feed is nested too deeply: <" + qName + "> sits inside more than "
                        + MAX_DEPTH + " other elements, where real feeds need fewer than 20. It was not read, "
                        + "since such documents are built to tie up feed readers; ask the publisher to fix the feed.");
            }
            if (elements > MAX_ELEMENTS) {
                throw new ShapeRefused("The feed has more than " + String.format(Locale.ROOT, "%,d", MAX_ELEMENTS)
                        + " elements, far more than any real feed; it was not read. Ask the publisher to shorten it.");
            }
            if ((elements & 0xFF) == 0 && timeIsUp()) {
                throw new ShapeRefused(tookTooLong());
            }
            super.startElement(namespaceUri, localName, qName, attributes);
        }

        @Override
        public void endElement(String namespaceUri, String localName, String qName) throws SAXException {
            depth--;
            Element ended = window == null ? null : getCurrentElement();
            super.endElement(namespaceUri, localName, qName);
            if (ended != null) {
                window.ended(ended); // after JDOM has moved on to the parent: the item may now leave the tree
            }
        }
    }

    /** The refusal in {@code failure}'s causes, or null when it failed for another reason. */
    static ShapeRefused refusalIn(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ShapeRefused refused) {
                return refused;
            }
            if (t instanceof SAXException sax && sax.getException() instanceof ShapeRefused refused) {
                return refused;
            }
        }
        return null;
    }
}

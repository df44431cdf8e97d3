package org.wavelength.ingest.parse;

import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Turns downloaded bytes into a {@link FeedDocument}: repaired as podcast clients would (see
 * {@link FeedText}), refused when unsafe (DOCTYPE but Netscape's RSS 0.91 one, DTD, external entities) or not a feed, then read by ROME.
 */
final class FeedDocumentReader {

    private static final Set<String> HTML_ELEMENTS = Set.of(
            "html", "head", "body", "meta", "title", "script", "style", "link", "div", "p", "br", "a",
            "table", "span", "iframe", "center", "font", "h1", "h2", "form", "img", "noscript");

    private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "feed");

    private FeedDocumentReader() {
    }

    /**
     * @param limits how deep, large and long the document may be (see {@link FeedShapeLimits})
     * @throws FeedParseException when the document is not a feed, is unsafe, or is not readable XML
     */
    static FeedDocument read(byte[] bytes, FeedShapeLimits limits) {
        if (bytes == null || bytes.length == 0) {
            throw new FeedParseException("The feed is empty: the server sent a document without any content.");
        }
        String text = FeedText.stripLeadingWhitespace(FeedText.decode(bytes));
        if (text.isEmpty()) {
            throw new FeedParseException("The feed is empty: the server sent a document that contains only blank space.");
        }
        FeedText.Prolog prolog = FeedText.scanProlog(text);
        String withoutDoctype = FeedText.withoutNetscapeRssDoctype(text, prolog);
        if (!withoutDoctype.equals(text)) {
            text = withoutDoctype;
            prolog = FeedText.scanProlog(text);
        }
        refuseWhatIsNotAFeed(text, prolog);

        text = FeedText.declareMissingNamespaces(text, prolog);
        text = FeedText.addMissingRssVersion(text, prolog);
        text = FeedText.repairReferences(text);
        text = FeedText.removeInvalidXmlCharacters(text);

        limits.checkTime();
        Document document = buildSecurely(text, limits);
        refuseRssWithoutChannel(document);
        limits.checkTime();
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.US);
            // We hand ROME a parsed document, but keep its own guard on in case that ever changes.
            input.setAllowDoctypes(false);
            // Keeps the RSS/Atom objects, to tell a real <guid> from ROME's link fallback.
            input.setPreserveWireFeed(true);
            return new FeedDocument(input.build(document), document);
        } catch (IllegalArgumentException | FeedException e) {
            throw new FeedParseException("This document is not an RSS or Atom feed that can be read: "
                    + "its <" + prolog.rootName() + "> element is not in a supported RSS or Atom format.", e);
        } catch (RuntimeException e) {
            // ROME trusts the structure of what it recognises and can fail on odd documents.
            throw new FeedParseException("The feed could not be read: its structure is not valid RSS or Atom ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    /** ROME fails with a NullPointerException on {@code <rss>} without {@code <channel>}; say what it means. */
    private static void refuseRssWithoutChannel(Document document) {
        Element root = document.getRootElement();
        if (!root.getName().equals("rss") || FeedDocument.channelOf(document) != null) {
            return;
        }
        Element redirect = root.getChild("redirect", root.getNamespace());
        String newLocation = redirect != null ? redirect.getChildTextTrim("newLocation", root.getNamespace()) : null;
        if (newLocation != null && !newLocation.isEmpty()) {
            throw new FeedParseException("This feed has moved: the publisher left a note that it is now at "
                    + newLocation + ". Update the feed address.");
        }
        throw new FeedParseException("This RSS document has no <channel> element, so it contains no podcast.");
    }

    /** Fails fast, before any XML parsing, on what is unsafe or obviously not a feed. */
    private static void refuseWhatIsNotAFeed(String text, FeedText.Prolog prolog) {
        char first = text.charAt(0);
        if (first == '{' || first == '[') {
            throw new FeedParseException(
                    "This document is not an RSS or Atom feed: it looks like JSON data (JSON Feed is not supported).");
        }
        if (prolog.hasDoctype()) {
            if (prolog.doctypeName().equalsIgnoreCase("html")) {
                throw notAFeedButHtml();
            }
            throw new FeedParseException("The feed contains a DOCTYPE declaration, which is not allowed for "
                    + "security reasons (it can be used to read server files or exhaust memory). "
                    + "Ask the publisher to remove the DOCTYPE line from the feed.");
        }
        String root = prolog.rootLocalName();
        if (root == null) {
            throw new FeedParseException("This document is not an RSS or Atom feed: it is not XML at all "
                    + "(it starts with \"" + snippet(text) + "\").");
        }
        if (HTML_ELEMENTS.contains(root)) {
            throw notAFeedButHtml();
        }
        if (root.equals("opml")) {
            throw new FeedParseException("This document is an OPML subscription list, not a feed: "
                    + "import it as an OPML file instead.");
        }
        if (!FEED_ROOTS.contains(root)) {
            throw new FeedParseException("This document is XML but not an RSS or Atom feed: "
                    + "its top-level element is <" + prolog.rootName() + ">.");
        }
    }

    private static FeedParseException notAFeedButHtml() {
        return new FeedParseException("This document is not an RSS or Atom feed: it looks like an HTML page. "
                + "Check that the address points to the feed itself, not to the podcast's web site.");
    }

    private static String snippet(String text) {
        String start = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return start.replaceAll("[\\p{Cntrl}\\s]+", " ").replace("\uFFFD", "?");
    }

    /**
     * JDOM over the JDK's parser with DOCTYPEs refused outright, every external fetch disabled, and
     * the tree's depth, size and time to build bounded while it is read.
     */
    private static Document buildSecurely(String text, FeedShapeLimits limits) {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setSAXHandlerFactory(limits.handlers());
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("External entities are not allowed: " + systemId);
        });
        try {
            return builder.build(new InputSource(new StringReader(text)));
        } catch (JDOMParseException e) {
            refuseShape(e);
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            if (reason != null && reason.contains("DOCTYPE")) {
                throw new FeedParseException("The feed contains a DOCTYPE declaration, which is not allowed "
                        + "for security reasons. Ask the publisher to remove the DOCTYPE line from the feed.", e);
            }
            throw new FeedParseException("The feed is not well-formed XML: on line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + reason, e);
        } catch (JDOMException | IOException e) {
            refuseShape(e);
            throw new FeedParseException("The feed could not be read as XML: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // JDOM's IllegalNameException and kin: the JDK's parser lets through names and namespace URIs
            // that XML namespaces forbid (<:chapter>, <?:xml?>, xmlns=" http://..."), and JDOM refuses them.
            throw new FeedParseException("The feed is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static void refuseShape(Exception e) {
        FeedShapeLimits.ShapeRefused refused = FeedShapeLimits.refusalIn(e);
        if (refused != null) {
            throw new FeedParseException(refused.getMessage(), e);
        }
    }
}

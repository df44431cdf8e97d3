package org.wavelength.ingest.opml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the feeds of an OPML subscription list, as exported by podcast apps.
 *
 * <p>Streams with StAX, so nesting depth and thousands of outlines cost nothing beyond the result,
 * and refuses DOCTYPEs so that an uploaded file can neither read server files nor exhaust memory.
 * Thread-safe.
 */
public class OpmlReader {

    private static final XMLInputFactory FACTORY = secureFactory();

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        // Apps that share OPML rarely declare namespaces they use; the outline attributes have none anyway.
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    /**
     * Every outline with an {@code xmlUrl}, at any depth, in document order (duplicates included).
     *
     * @throws OpmlException when the file is empty, not XML, not OPML, or contains a DOCTYPE
     */
    public List<OpmlEntry> read(byte[] opml) {
        byte[] bytes = withoutLeadingWhitespace(opml);
        if (bytes.length == 0) {
            throw new OpmlException("The OPML file is empty.");
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            return readDocument(reader);
        } catch (XMLStreamException e) {
            throw new OpmlException(describe(e), e);
        } finally {
            close(reader);
        }
    }

    private static List<OpmlEntry> readDocument(XMLStreamReader reader) throws XMLStreamException {
        List<OpmlEntry> entries = new ArrayList<>();
        boolean rootSeen = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new OpmlException("The OPML file contains a DOCTYPE declaration, which is not allowed for "
                        + "security reasons. Remove the <!DOCTYPE ...> line and upload it again.");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = localName(reader.getLocalName());
            if (!rootSeen) {
                rootSeen = true;
                if (!name.equals("opml")) {
                    throw notOpml(name);
                }
            } else if (name.equals("outline")) {
                String xmlUrl = attribute(reader, "xmlUrl");
                if (xmlUrl != null) {
                    String title = attribute(reader, "title");
                    entries.add(new OpmlEntry(title != null ? title : attribute(reader, "text"), xmlUrl));
                }
            }
        }
        if (!rootSeen) {
            throw new OpmlException("This file is not an OPML file: it contains no XML elements.");
        }
        return entries;
    }

    private static OpmlException notOpml(String root) {
        if (root.equals("rss") || root.equals("feed") || root.equals("rdf")) {
            return new OpmlException("This file is a podcast feed, not an OPML subscription list: "
                    + "add its address as a feed instead.");
        }
        if (root.equals("html")) {
            return new OpmlException("This file is not an OPML file: it is an HTML page. "
                    + "Export the subscriptions from your podcast app as OPML and upload that file.");
        }
        return new OpmlException("This file is not an OPML file: its top-level element is <" + root
                + ">, where an OPML file has <opml>.");
    }

    private static String localName(String name) {
        return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /** Attribute by name, ignoring case ("xmlURL" is common); trimmed, null when blank. */
    private static String attribute(XMLStreamReader reader, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                String value = reader.getAttributeValue(i).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        // The JDK prefixes its message with the position; keep only the explanation.
        int explanation = message.indexOf("Message: ");
        String reason = explanation >= 0 ? message.substring(explanation + 9).strip() : message.strip();
        if (reason.contains("DOCTYPE") || reason.contains("DTD")) {
            return "The OPML file contains a DOCTYPE declaration, which is not allowed for security reasons. "
                    + "Remove the <!DOCTYPE ...> line and upload it again.";
        }
        Location location = e.getLocation();
        String where = location != null && location.getLineNumber() > 0 ? " on line " + location.getLineNumber() : "";
        return "This file is not a readable OPML file: the XML is broken" + where + ": " + reason;
    }

    private static byte[] withoutLeadingWhitespace(byte[] bytes) {
        if (bytes == null) {
            return new byte[0];
        }
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3; // UTF-8 byte-order mark; the parser assumes UTF-8 without it
        }
        while (start < bytes.length && (bytes[start] == ' ' || bytes[start] == '\t' || bytes[start] == '\r' || bytes[start] == '\n')) {
            start++;
        }
        return start == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, start, bytes.length);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond memory
            }
        }
    }
}

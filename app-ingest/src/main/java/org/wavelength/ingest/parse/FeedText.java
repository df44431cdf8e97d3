package org.wavelength.ingest.parse;

import static org.wavelength.ingest.parse.TextDecoding.WINDOWS_1252;
import static org.wavelength.ingest.parse.TextDecoding.startsWith;
import static org.wavelength.ingest.parse.TextDecoding.strictUtf8;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Turns the bytes of a feed into text an XML parser accepts, the way podcast clients do.
 *
 * <p>Real feeds are often not quite XML: a blank line before the declaration, {@code itunes:} tags
 * without the namespace declaration, {@code &nbsp;} copied from HTML, Latin-1 bytes in a feed that
 * claims to be UTF-8. Each repair here is small, targeted and leaves well-formed feeds unchanged.
 */
final class FeedText {

    /** Namespaces that feeds use without declaring them, by their customary prefix. */
    static final Map<String, String> WELL_KNOWN_NAMESPACES;

    static {
        Map<String, String> namespaces = new LinkedHashMap<>();
        namespaces.put("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");
        namespaces.put("podcast", "https://podcastindex.org/namespace/1.0");
        namespaces.put("content", "http://purl.org/rss/1.0/modules/content/");
        namespaces.put("media", "http://search.yahoo.com/mrss/");
        namespaces.put("dc", "http://purl.org/dc/elements/1.1/");
        namespaces.put("atom", "http://www.w3.org/2005/Atom");
        namespaces.put("googleplay", "http://www.google.com/schemas/play-podcasts/1.0");
        WELL_KNOWN_NAMESPACES = Map.copyOf(namespaces);
    }

    private static final Map<String, Pattern> PREFIX_USE = new LinkedHashMap<>();
    private static final Map<String, Pattern> PREFIX_DECLARATION = new LinkedHashMap<>();

    static {
        for (String prefix : WELL_KNOWN_NAMESPACES.keySet()) {
            // An element <itunes:x or </itunes:x, or an attribute itunes:x= on some element.
            PREFIX_USE.put(prefix, Pattern.compile("</?" + prefix + ":[A-Za-z_]|\\s" + prefix + ":[A-Za-z_][\\w.-]*\\s*="));
            PREFIX_DECLARATION.put(prefix, Pattern.compile("xmlns:" + prefix + "\\s*="));
        }
    }

    private static final Pattern ENCODING_DECLARATION =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");
    /** The five entities XML defines itself; they must never be rewritten. */
    private static final Set<String> XML_PREDEFINED_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    /**
     * The DOCTYPE of Netscape's RSS 0.91 template, which old feeds still carry: exactly this public
     * identifier and address, without an internal subset (whose entities would be the feed's own).
     */
    private static final Pattern NETSCAPE_RSS_091_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+([\"'])-//Netscape Communications//DTD RSS 0\\.91//EN\\1"
                    + "\\s+([\"'])http://my\\.netscape\\.com/publish/formats/rss-0\\.91\\.dtd\\2\\s*>");
    private static final Pattern VERSION_ATTRIBUTE = Pattern.compile("\\sversion\\s*=");

    /** What comes before the first element, and that element's name. */
    record Prolog(String doctypeName, int doctypeStart, String rootName, int rootNameEnd) {

        boolean hasDoctype() {
            return doctypeName != null;
        }

        /** The root name without its prefix, lower-cased; null when there is no root element. */
        String rootLocalName() {
            if (rootName == null) {
                return null;
            }
            return rootName.substring(rootName.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        }
    }

    private FeedText() {
    }

    /**
     * Decodes the document: byte-order mark first, then the encoding of the XML declaration, then
     * UTF-8 (the XML default). A feed that claims UTF-8 but is not is read as Windows-1252, and an
     * ISO-8859-1 feed is read as Windows-1252 too, as browsers do, since publishers who say Latin-1
     * usually mean the Windows variant with curly quotes at 0x91-0x94.
     */
    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return decodeUtf8OrWindows1252(bytes, 3);
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0x00, '<')) {
            return lenientDecode(bytes, StandardCharsets.UTF_16BE, startsWith(bytes, 0xFE, 0xFF) ? 2 : 0);
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, '<', 0x00)) {
            return lenientDecode(bytes, StandardCharsets.UTF_16LE, startsWith(bytes, 0xFF, 0xFE) ? 2 : 0);
        }
        Charset declared = declaredCharset(bytes);
        if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
            return decodeUtf8OrWindows1252(bytes, 0);
        }
        return lenientDecode(bytes, declared, 0);
    }

    /**
     * The charset named by the XML declaration, or null for none or an unknown one. We could read
     * the declaration as ASCII, so the bytes are ASCII-compatible and a UTF-16/32 claim is wrong.
     */
    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher matcher = ENCODING_DECLARATION.matcher(head);
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        if (name.startsWith("utf-16") || name.startsWith("utf-32") || name.startsWith("ucs")) {
            return StandardCharsets.UTF_8;
        }
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("iso8859-1")
                || name.equals("iso_8859-1") || name.equals("us-ascii") || name.equals("ascii")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknownOrUnsupported) {
            return null;
        }
    }

    private static String decodeUtf8OrWindows1252(byte[] bytes, int offset) {
        String utf8 = strictUtf8(bytes, offset);
        return utf8 != null ? utf8 : lenientDecode(bytes, WINDOWS_1252, offset);
    }

    private static String lenientDecode(byte[] bytes, Charset charset, int offset) {
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    /** Drops byte-order marks and whitespace before the first markup: XML forbids them before {@code <?xml}. */
    static String stripLeadingWhitespace(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\uFEFF' || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        return text.substring(start);
    }

    /** Reads the declaration, processing instructions, comments and DOCTYPE up to the root element's name. */
    static Prolog scanProlog(String text) {
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '<') {
                return new Prolog(null, -1, null, -1);
            }
            if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i + 2);
                if (end < 0) {
                    return new Prolog(null, -1, null, -1);
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return new Prolog(null, -1, null, -1);
                }
                i = end + 3;
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int nameStart = i + 9;
                while (nameStart < n && Character.isWhitespace(text.charAt(nameStart))) {
                    nameStart++;
                }
                return new Prolog(text.substring(nameStart, nameEnd(text, nameStart)), i, null, -1);
            } else if (i + 1 < n && isNameStart(text.charAt(i + 1))) {
                int end = nameEnd(text, i + 1);
                return new Prolog(null, -1, text.substring(i + 1, end), end);
            } else {
                return new Prolog(null, -1, null, -1);
            }
        }
    }

    /**
     * Removes the prolog's DOCTYPE when it is Netscape's RSS 0.91 one, so that no parser ever sees,
     * let alone resolves, it; its HTML entities are then repaired like any feed's ({@link #repairReferences}).
     * Its line breaks stay, so that error messages keep their line numbers. Any other DOCTYPE stays, to be refused.
     */
    static String withoutNetscapeRssDoctype(String text, Prolog prolog) {
        if (!prolog.hasDoctype()) {
            return text;
        }
        Matcher doctype = NETSCAPE_RSS_091_DOCTYPE.matcher(text).region(prolog.doctypeStart(), text.length());
        if (!doctype.lookingAt()) {
            return text;
        }
        String lineBreaks = doctype.group().replaceAll("[^\\n]", "");
        return text.substring(0, doctype.start()) + lineBreaks + text.substring(doctype.end());
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static int nameEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.')) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Adds declarations for well-known prefixes that the document uses but never declares, on the
     * root element, so that a namespace-aware parser accepts it and ROME's modules recognise the tags.
     */
    static String declareMissingNamespaces(String text, Prolog prolog) {
        StringBuilder declarations = new StringBuilder();
        for (Map.Entry<String, String> namespace : WELL_KNOWN_NAMESPACES.entrySet()) {
            String prefix = namespace.getKey();
            if (text.contains(prefix + ":")
                    && PREFIX_USE.get(prefix).matcher(text).find()
                    && !PREFIX_DECLARATION.get(prefix).matcher(text).find()) {
                declarations.append(" xmlns:").append(prefix).append("=\"").append(namespace.getValue()).append('"');
            }
        }
        if (declarations.length() == 0) {
            return text;
        }
        return text.substring(0, prolog.rootNameEnd()) + declarations + text.substring(prolog.rootNameEnd());
    }

    /**
     * ROME only takes {@code <rss>} with a version attribute, but clients read feeds without one as
     * RSS 2.0, so we say so on their behalf.
     */
    static String addMissingRssVersion(String text, Prolog prolog) {
        if (!"rss".equals(prolog.rootName())) {
            return text;
        }
        int tagEnd = text.indexOf('>', prolog.rootNameEnd());
        if (tagEnd < 0 || VERSION_ATTRIBUTE.matcher(text.substring(prolog.rootNameEnd(), tagEnd)).find()) {
            return text;
        }
        return text.substring(0, prolog.rootNameEnd()) + " version=\"2.0\"" + text.substring(prolog.rootNameEnd());
    }

    /**
     * Rewrites references XML does not know, outside CDATA sections and comments (whose content is
     * literal): HTML named entities (HTML5's full table, in which a few names stand for two
     * characters) become numeric references, the five XML ones stay as they are, an unknown name or
     * a bare {@code &} (as in "Q&A") is escaped so the text survives, and numeric references to
     * characters XML forbids are dropped.
     */
    static String repairReferences(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher reference = REFERENCE.matcher(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<' && text.startsWith("<![CDATA[", i)) {
                i = copyThrough(text, i, "]]>", out);
            } else if (c == '<' && text.startsWith("<!--", i)) {
                i = copyThrough(text, i, "-->", out);
            } else if (c == '&') {
                reference.region(i, n);
                if (reference.lookingAt()) {
                    out.append(repairReference(reference.group(1), reference.group()));
                    i = reference.end();
                } else {
                    out.append("&amp;");
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int copyThrough(String text, int start, String terminator, StringBuilder out) {
        int end = text.indexOf(terminator, start);
        int stop = end < 0 ? text.length() : end + terminator.length();
        out.append(text, start, stop);
        return stop;
    }

    private static String repairReference(String body, String whole) {
        if (body.charAt(0) == '#') {
            boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
            int codePoint = Integer.parseInt(body.substring(hex ? 2 : 1), hex ? 16 : 10);
            return isXmlChar(codePoint) ? whole : "";
        }
        if (XML_PREDEFINED_ENTITIES.contains(body)) {
            return whole;
        }
        String characters = Entities.getByName(body);
        if (characters.isEmpty()) {
            return "&amp;" + body + ";";
        }
        StringBuilder numeric = new StringBuilder();
        characters.codePoints().forEach(codePoint -> numeric.append("&#").append(codePoint).append(';'));
        return numeric.toString();
    }

    /** Removes control characters and other code points XML 1.0 forbids, which break the parser outright. */
    static String removeInvalidXmlCharacters(String text) {
        int n = text.length();
        int first = 0;
        while (first < n && isXmlChar(text.codePointAt(first))) {
            first += Character.charCount(text.codePointAt(first));
        }
        if (first == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(text, 0, first);
        for (int i = first; i < n; ) {
            int codePoint = text.codePointAt(i);
            if (isXmlChar(codePoint)) {
                out.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

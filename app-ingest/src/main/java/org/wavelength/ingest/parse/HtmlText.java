package org.wavelength.ingest.parse;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML of show notes into plain text for search, embeddings and list views.
 *
 * <p>jsoup parses the HTML as a browser does (HTML5's full table of character references, comments,
 * scripts and styles dropped, Windows-1252 numeric references such as {@code &#150;}); this class
 * adds what feeds need on top: CDATA markers left in the text are unwrapped, words stay apart where
 * tags separated them, and invisible characters are dropped before whitespace is collapsed.
 */
public final class HtmlText {

    // A description CDATA-wrapped twice, or HTML-escaped around its CDATA, keeps the markers in its text;
    // HTML would read "<![CDATA[" as the start of a comment and lose what follows.
    private static final Pattern CDATA_MARKER = Pattern.compile("<!\\[CDATA\\[|]]>");
    // Tags that separate words when rendered; removing them without a space would glue words together.
    private static final Set<String> WORD_SEPARATING_TAGS = Set.of("p", "br", "div", "li", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "thead", "tbody", "blockquote", "pre", "hr",
            "section", "article", "header", "footer", "figure", "figcaption", "img");
    // \s alone misses the no-break and other Unicode spaces that HTML editors love.
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");
    // A tag start with no ">" after it: HTML drops a tag cut off by the end of the text, so "if x<y" would lose "<y".
    private static final Pattern UNCLOSED_TAG_START = Pattern.compile("<(?=[A-Za-z/])");
    // Half a surrogate pair (from &#xD800;): no JSON or UTF-8 writer accepts it.
    private static final Pattern LONE_SURROGATE = Pattern.compile("[\\uD800-\\uDFFF]");
    // Zero-width spaces and joiners, word joiners, byte order marks and soft hyphens: pasted in, never meant to be read.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");

    private HtmlText() {
    }

    /**
     * The text a reader would see: tags removed, references decoded, whitespace collapsed to single
     * spaces and trimmed. Returns null for null, and an empty string when nothing readable is left.
     */
    public static String toPlainText(String html) {
        if (html == null) {
            return null;
        }
        Element body = Jsoup.parseBodyFragment(keepUnclosedTagStarts(CDATA_MARKER.matcher(html).replaceAll(""))).body();
        StringBuilder text = new StringBuilder(html.length());
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && separatesWords(element)) {
                    text.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && separatesWords(element)) {
                    text.append(' ');
                }
            }
        });
        return visibleText(text);
    }

    /**
     * Text taken from parsed HTML as it is kept: invisible characters dropped, half surrogate pairs
     * replaced, whitespace collapsed to single spaces and trimmed.
     */
    public static String visibleText(CharSequence text) {
        String visible = INVISIBLE.matcher(LONE_SURROGATE.matcher(text).replaceAll("\uFFFD")).replaceAll("");
        return WHITESPACE.matcher(visible).replaceAll(" ").trim();
    }

    private static String keepUnclosedTagStarts(String html) {
        int tail = html.lastIndexOf('>') + 1;
        if (html.indexOf('<', tail) < 0) {
            return html;
        }
        return html.substring(0, tail) + UNCLOSED_TAG_START.matcher(html.substring(tail)).replaceAll("&lt;");
    }

    /** Whether the element stands apart from the text around it when rendered (a paragraph, a line break, a cell). */
    public static boolean separatesWords(Element element) {
        return WORD_SEPARATING_TAGS.contains(element.normalName());
    }
}

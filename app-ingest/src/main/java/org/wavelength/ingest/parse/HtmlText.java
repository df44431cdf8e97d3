package org.wavelength.ingest.parse;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML of show notes into plain text for search, embeddings and list views.
 *
 * <p>Written with the JDK only, since no HTML library is available to this module. It is not a
 * general HTML parser: it drops comments, scripts, styles and tags, decodes character references
 * and collapses whitespace, which is all that feed descriptions need.
 */
public final class HtmlText {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    private static final Pattern CDATA_MARKER = Pattern.compile("<!\\[CDATA\\[|]]>");
    private static final Pattern SCRIPT_OR_STYLE =
            Pattern.compile("<(script|style)\\b[^>]*>.*?(</\\1\\s*>|$)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    // Tags that separate words when rendered; removing them without a space would glue words together.
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(p|br|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|thead|tbody|blockquote|pre|hr|section"
                    + "|article|header|footer|figure|figcaption|img)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z][^>]*>|<![A-Za-z][^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    // \s alone misses the no-break and other Unicode spaces that HTML editors love.
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

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
        String text = COMMENT.matcher(html).replaceAll(" ");
        text = CDATA_MARKER.matcher(text).replaceAll("");
        text = SCRIPT_OR_STYLE.matcher(text).replaceAll(" ");
        text = BLOCK_TAG.matcher(text).replaceAll(" ");
        text = ANY_TAG.matcher(text).replaceAll("");
        text = decodeReferences(text);
        text = INVISIBLE.matcher(text).replaceAll("");
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    /** Decodes numeric and named character references once; unknown names are left as they are. */
    static String decodeReferences(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String replacement = decodeReference(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String decodeReference(String body) {
        if (body.charAt(0) != '#') {
            Integer codePoint = HtmlEntities.codePoint(body);
            return codePoint == null ? null : Character.toString(codePoint);
        }
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        int codePoint = Integer.parseInt(body.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (codePoint >= 0x80 && codePoint <= 0x9F) {
            // Windows tools write &#150; for an en dash: browsers read these as Windows-1252, so do we.
            return new String(new byte[] {(byte) codePoint}, WINDOWS_1252);
        }
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            return "\uFFFD";
        }
        return Character.toString(codePoint);
    }
}

package org.wavelength.web.page;

import io.quarkus.qute.RawString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Why a search result matched, as HTML: the query's matched terms wrapped in {@code <mark>} and every
 * other character escaped, so that nothing of the feed's or the listener's text is ever markup. A
 * term is marked where it stands as a whole word (case ignored); a term of Chinese, Japanese or Korean
 * characters (the index splits those into pairs) wherever it occurs.
 */
final class HitMarkup {

    /** Characters of a description shown around its first mark. */
    static final int SNIPPET = 240;

    private HitMarkup() {
    }

    /** The text, escaped, with the terms marked. */
    static RawString marked(String text, Collection<String> terms) {
        return new RawString(markup(text == null ? "" : text, terms));
    }

    /**
     * A feed's description (which may be HTML) as plain text: the part around its first marked term,
     * cut to about {@value #SNIPPET} characters, or its beginning when no term is in it.
     */
    static RawString snippet(String description, Collection<String> terms) {
        String text = description == null ? "" : Jsoup.parse(description).text();
        List<int[]> spans = spans(text, terms);
        int from = spans.isEmpty() ? 0 : Math.max(0, spans.get(0)[0] - SNIPPET / 3);
        from = from == 0 ? 0 : Math.max(from, text.lastIndexOf(' ', from) + 1);
        int to = Math.min(text.length(), from + SNIPPET);
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > from ? space : to;
        }
        String cut = (from > 0 ? "… " : "") + text.substring(from, to) + (to < text.length() ? " …" : "");
        return marked(cut, terms);
    }

    static String markup(String text, Collection<String> terms) {
        StringBuilder html = new StringBuilder(text.length() + 32);
        int at = 0;
        for (int[] span : spans(text, terms)) {
            escape(text.substring(at, span[0]), html);
            html.append("<mark>");
            escape(text.substring(span[0], span[1]), html);
            html.append("</mark>");
            at = span[1];
        }
        escape(text.substring(at), html);
        return html.toString();
    }

    /** Where the terms occur, in order, overlaps joined. */
    static List<int[]> spans(String text, Collection<String> terms) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[text.length()];
        for (String term : terms) {
            String t = term.toLowerCase(Locale.ROOT);
            // Lower-casing keeps lengths for the scripts of the index's terms; a text where it does not is left unmarked.
            if (t.isEmpty() || lower.length() != text.length()) {
                continue;
            }
            boolean wholeWord = t.codePoints().noneMatch(HitMarkup::isCjk);
            for (int i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
                int end = i + t.length();
                if (!wholeWord || (!wordChar(lower, i - 1) && !wordChar(lower, end))) {
                    java.util.Arrays.fill(marked, i, end, true);
                }
            }
        }
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i] && (i == 0 || !marked[i - 1])) {
                int end = i;
                while (end < marked.length && marked[end]) {
                    end++;
                }
                spans.add(new int[] {i, end});
            }
        }
        return spans;
    }

    private static boolean wordChar(String text, int i) {
        return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static void escape(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}

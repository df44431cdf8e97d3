package org.wavelength.web.page;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat answer (Markdown text whose links were checked against the catalogue) as HTML: everything escaped,
 * then only links to this site's podcast and episode pages become anchors; anything else stays text.
 */
@TemplateExtension
public class AnswerMarkup {

    private static final Pattern CATALOGUE_LINK = Pattern.compile("\\[([^\\]\\n]{1,300})\\]\\((/(?:podcasts|episodes)/\\d+(?:\\?t=\\d+)?)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]{1,300})\\*\\*");

    static RawString answerHtml(String markdown) {
        if (markdown == null) {
            return new RawString("");
        }
        Matcher link = CATALOGUE_LINK.matcher(escape(markdown));
        StringBuilder html = new StringBuilder();
        while (link.find()) {
            link.appendReplacement(html, Matcher.quoteReplacement(
                    "<a href=\"" + link.group(2).replace("&amp;", "&") + "\">" + link.group(1) + "</a>"));
        }
        link.appendTail(html);
        String withBold = BOLD.matcher(html).replaceAll("<strong>$1</strong>");
        return new RawString(withBold.replace("\n", "<br>\n"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

package org.wavelength.web.chat;

import java.util.regex.Pattern;

/**
 * Feed and transcript text on its way into a prompt. It is third-party data: it is shortened, flattened to
 * one line and cannot close or open the tags that mark it as data, so that an instruction hidden in a
 * description stays inside the data block the system prompt tells the model never to obey.
 */
final class UntrustedText {

    private static final Pattern DATA_TAGS = Pattern.compile("</?\\s*(catalogue-data|transcript-passages)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKUP = Pattern.compile("<[^>]{0,200}>");

    private UntrustedText() {
    }

    static String quote(String text, int maxChars) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String flat = MARKUP.matcher(DATA_TAGS.matcher(text).replaceAll(" ")).replaceAll(" ")
                .replaceAll("\\s+", " ").strip();
        return flat.length() <= maxChars ? flat : flat.substring(0, maxChars) + "…";
    }
}

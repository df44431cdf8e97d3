package org.wavelength.ingest.transcript;

import static org.wavelength.ingest.parse.TextDecoding.WINDOWS_1252;
import static org.wavelength.ingest.parse.TextDecoding.startsWith;
import static org.wavelength.ingest.parse.TextDecoding.strictUtf8;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wavelength.ingest.parse.HtmlText;

/** Character decoding and text clean-up shared by the transcript readers. */
final class TranscriptText {

    private static final Pattern CHARSET_PARAMETER =
            Pattern.compile(";\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:+-]+)\"?", Pattern.CASE_INSENSITIVE);
    // WebVTT cue timestamps inside the text (karaoke style): <00:00:01.000>; other tags are HTML-like
    private static final Pattern CUE_TIMESTAMP_TAG = Pattern.compile("<\\d[\\d:.,]*>");
    // SubStation overrides that some SRT writers leave in: {\an8}, {\i1}
    private static final Pattern SSA_OVERRIDE = Pattern.compile("\\{\\\\[^{}]*}");
    private static final Pattern WHITESPACE =
            Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD\\u202A-\\u202E]");

    private TranscriptText() {
    }

    /**
     * The text of a downloaded file. A byte order mark decides the encoding (and is dropped); then
     * bytes that are valid UTF-8 are read as UTF-8, whatever the MIME type's {@code charset} says,
     * because servers often label every text file ISO-8859-1 by default; otherwise that declared
     * charset is used, and without one Windows-1252, which is what such files nearly always are.
     * A declared UTF-16 or UTF-32, which is not ASCII-compatible, is believed at once.
     */
    static String decode(byte[] body, String mimeType) {
        if (body == null || body.length == 0) {
            return "";
        }
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset declared = declaredCharset(mimeType);
        if (declared != null && declared.name().toUpperCase(Locale.ROOT).startsWith("UTF-")
                && !declared.equals(StandardCharsets.UTF_8)) {
            return stripBom(new String(body, declared));
        }
        String utf8 = strictUtf8(body, 0);
        if (utf8 != null) {
            return stripBom(utf8);
        }
        return new String(body, declared != null && !declared.equals(StandardCharsets.UTF_8) ? declared : WINDOWS_1252);
    }

    /** The text a listener would read: markup removed, character references decoded, spaces collapsed. */
    static String clean(String markup) {
        if (markup == null) {
            return "";
        }
        String text = CUE_TIMESTAMP_TAG.matcher(markup).replaceAll("");
        text = SSA_OVERRIDE.matcher(text).replaceAll("");
        return normaliseSpace(HtmlText.toPlainText(text));
    }

    /** Plain text with invisible characters dropped and runs of whitespace turned into single spaces. */
    static String normaliseSpace(String text) {
        if (text == null) {
            return "";
        }
        String visible = INVISIBLE.matcher(text).replaceAll("");
        return WHITESPACE.matcher(visible).replaceAll(" ").strip();
    }

    /** A speaker name as written ({@code "Alban :"}, {@code " Kevin"}), or null when there is none. */
    static String speakerName(String raw) {
        if (raw == null) {
            return null;
        }
        String name = normaliseSpace(raw);
        while (name.endsWith(":")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name.isEmpty() ? null : name;
    }

    static boolean isBlank(String line) {
        return normaliseSpace(line).isEmpty();
    }

    private static Charset declaredCharset(String mimeType) {
        if (mimeType == null) {
            return null;
        }
        Matcher matcher = CHARSET_PARAMETER.matcher(mimeType);
        if (!matcher.find()) {
            return null;
        }
        try {
            return Charset.forName(matcher.group(1).toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}

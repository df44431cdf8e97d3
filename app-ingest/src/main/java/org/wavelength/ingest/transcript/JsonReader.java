package org.wavelength.ingest.transcript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for transcripts and chapters, since the module has no JSON
 * library at run time. Objects become {@link LinkedHashMap}s (a repeated name keeps its last value),
 * arrays {@link ArrayList}s, numbers {@link Double}s, and JSON null Java null.
 *
 * <p>Strict means: no comments, no trailing commas, no single quotes, no NaN, nothing after the
 * value. Nesting is limited so that a hostile file cannot exhaust the stack.
 */
final class JsonReader {

    /** The JSON text is not valid; the message says where, as line and column. */
    static final class SyntaxException extends Exception {

        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    private static final int MAX_DEPTH = 128;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** Reads one JSON value that makes up the whole text (leading and trailing whitespace allowed). */
    /** Parses a document of the kind {@code what} (for the message), turning syntax errors into admin-readable ones. */
    static Object parseDocument(String text, String what, String url) {
        try {
            return parse(text);
        } catch (SyntaxException e) {
            throw new TranscriptException(TranscriptException.subject(what, url) + " is not valid JSON: "
                    + e.getMessage() + ".", e);
        }
    }

    static Object parse(String text) throws SyntaxException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.readValue();
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected text after the end of the JSON value");
        }
        return value;
    }

    private Object readValue() throws SyntaxException {
        if (pos >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return readObject();
            case '[':
                return readArray();
            case '"':
                return readString();
            case 't':
                return readLiteral("true", Boolean.TRUE);
            case 'f':
                return readLiteral("false", Boolean.FALSE);
            case 'n':
                return readLiteral("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw error("unexpected character '" + printable(c) + "'");
        }
    }

    private Map<String, Object> readObject() throws SyntaxException {
        enter();
        pos++; // {
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a quoted member name");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(name, readValue());
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                depth--;
                return object;
            } else {
                throw error("expected ',' or '}' after a member");
            }
        }
    }

    private List<Object> readArray() throws SyntaxException {
        enter();
        pos++; // [
        List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(readValue());
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                depth--;
                return array;
            } else {
                throw error("expected ',' or ']' after an array element");
            }
        }
    }

    private String readString() throws SyntaxException {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("a control character must be escaped inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("a string is not closed");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(readHex4());
                default -> {
                    pos--;
                    throw error("invalid escape '\\" + printable(e) + "'");
                }
            }
        }
    }

    private char readHex4() throws SyntaxException {
        if (pos + 4 > text.length()) {
            throw error("a \\u escape needs four hexadecimal digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                pos += i;
                throw error("a \\u escape needs four hexadecimal digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value; // lone surrogates pass through as Java does; pairs recombine naturally
    }

    private Double readNumber() throws SyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("a number needs digits");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("a number needs digits after the decimal point");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("a number needs digits in its exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        double value = Double.parseDouble(text.substring(start, pos));
        if (Double.isInfinite(value)) {
            pos = start;
            throw error("a number is too large");
        }
        return value;
    }

    private Object readLiteral(String literal, Object value) throws SyntaxException {
        if (!text.startsWith(literal, pos)) {
            throw error("unexpected word (expected " + literal + ")");
        }
        pos += literal.length();
        return value;
    }

    private void enter() throws SyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error("the values are nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private SyntaxException error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SyntaxException(what + " (line " + line + ", column " + column + ")");
    }
}

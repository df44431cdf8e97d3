package org.wavelength.core.domain;

/**
 * Text as a person reads it. Control, format and private-use characters, unpaired surrogates and the
 * replacement character (what a decoder leaves of bytes that were not UTF-8) carry no words: a request made
 * only of them asks for nothing, and a model would be handed an empty text.
 */
public final class ReadableText {

    private static final int REPLACEMENT = 0xFFFD;
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private ReadableText() {
    }

    /** The text without what cannot be read, runs of white space made one space, stripped; "" for null. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder readable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (kind(c)) {
                case SEPARATOR -> {
                    if (!readable.isEmpty() && readable.charAt(readable.length() - 1) != ' ') {
                        readable.append(' ');
                    }
                }
                case READABLE -> readable.appendCodePoint(c);
                case INVISIBLE -> { }
            }
        });
        return readable.toString().strip();
    }

    /**
     * Whether anything is left to read: a letter, a digit or a symbol. What {@link #of} removes is none of
     * these (the replacement character, a symbol, is kept out by its kind), so the text is not cleaned first.
     */
    public static boolean hasWords(String text) {
        return text != null && text.codePoints().anyMatch(c -> kind(c) == Kind.READABLE && isWordy(c));
    }

    private static boolean isWordy(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c)
                || type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL;
    }

    private enum Kind { READABLE, SEPARATOR, INVISIBLE }

    /** What cannot be read parts words, as a space would; an invisible format character (a soft hyphen) joins them. */
    private static Kind kind(int c) {
        if (c == REPLACEMENT || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return Kind.SEPARATOR;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> Kind.SEPARATOR;
            // Joiners shape Persian and Indic words and emoji; every other format character is invisible.
            case Character.FORMAT -> c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER ? Kind.READABLE : Kind.INVISIBLE;
            default -> Kind.READABLE;
        };
    }
}

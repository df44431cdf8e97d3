package org.wavelength.ingest.transcript;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a speaker label at the start of a line of text, as SRT and plain-text transcripts write it:
 * {@code Sarah: In today's episode}, {@code Adam Curry: podcasting 2.0}, {@code SPEAKER_1: Hello}.
 *
 * <p>A colon in ordinary speech ({@code So the question is: why?}) must not become a speaker, so the
 * label is held to what names look like: one to five words, at most 40 characters, each word
 * starting with a capital letter or a digit (or a name particle such as "de" or "van"), made of
 * letters, digits, apostrophes, dots, hyphens and underscores, with at least one letter.
 */
final class SpeakerLabel {

    /** The label and the text after it; {@code text} is empty when the line held only the label. */
    record Split(String speaker, String text) {
    }

    private static final int MAX_LENGTH = 40;
    private static final int MAX_WORDS = 5;
    private static final Pattern LABEL = Pattern.compile("^([^:]{1," + MAX_LENGTH + "}?)\\s?:(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{Lu}\\p{Lt}\\p{N}][\\p{L}\\p{M}\\p{N}'’._-]*");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
    private static final Set<String> PARTICLES = Set.of(
            "de", "da", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "van", "von",
            "bin", "ibn", "al", "el", "y", "and", "&");

    private SpeakerLabel() {
    }

    /** The label at the start of {@code line} (already cleaned of markup), or null when there is none. */
    static Split split(String line) {
        if (line == null) {
            return null;
        }
        Matcher matcher = LABEL.matcher(line.strip());
        if (!matcher.matches()) {
            return null;
        }
        String name = matcher.group(1).strip();
        if (!looksLikeName(name)) {
            return null;
        }
        String rest = matcher.group(2) == null ? "" : matcher.group(2).strip();
        return new Split(name, rest);
    }

    private static boolean looksLikeName(String name) {
        if (name.isEmpty() || !HAS_LETTER.matcher(name).find()) {
            return false;
        }
        String[] words = name.split(" ");
        if (words.length > MAX_WORDS) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean particle = i > 0 && PARTICLES.contains(word);
            if (!particle && !NAME_WORD.matcher(word).matches()) {
                return false;
            }
        }
        return true;
    }
}

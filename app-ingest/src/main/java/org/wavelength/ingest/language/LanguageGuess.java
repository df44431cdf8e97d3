package org.wavelength.ingest.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObject;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language of a text, guessed from its character n-grams, for feeds that do not declare one.
 * The answer is an ISO 639-1 code ({@code zh} for both Chinese scripts), or empty when the text is
 * too short or the guess is not confident: an unknown language is better than a wrong one, since the
 * language picks the vector segment and the embedding model.
 */
public final class LanguageGuess {

    /**
     * Below this many letters the n-gram guess is not worth having: on the 4,560 (mostly English)
     * Apple Podcasts shows, 20 characters of title and description were confidently mislabelled
     * one time in ten (Welsh, German, Tagalog...), 60 letters 0.1% of the time.
     */
    static final int MIN_LETTERS = 60;
    /** A Chinese or Japanese character, or a Korean syllable, says about as much as a short word. */
    static final int LETTERS_PER_IDEOGRAPH = 4;
    /** Mixed-language texts come out below this; single-language ones above 0.999. */
    static final double MIN_PROBABILITY = 0.90;
    /** Enough text to decide; the detector samples n-grams anyway. */
    static final int MAX_CHARS = 3_000;

    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    /** Drops URLs and e-mail addresses and normalises; suits descriptions of any length. */
    private static final TextObjectFactory TEXTS = CommonTextObjectFactories.forDetectingOnLargeText();

    private LanguageGuess() {
    }

    /** The language of {@code text}, if it can be told with confidence. */
    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = TAG.matcher(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text).replaceAll(" ");
        TextObject cleaned = TEXTS.forText(plain);
        if (weightedLetters(cleaned) < MIN_LETTERS) {
            return Optional.empty();
        }
        List<DetectedLanguage> guesses = Detector.DETECTOR.getProbabilities(cleaned);
        if (guesses.isEmpty() || guesses.get(0).getProbability() < MIN_PROBABILITY) {
            return Optional.empty();
        }
        // zh-CN and zh-TW are both zh; the segment is the primary language subtag.
        String language = guesses.get(0).getLocale().getLanguage();
        return language.length() == 2 ? Optional.of(language) : Optional.empty();
    }

    static long weightedLetters(CharSequence text) {
        return text.codePoints().filter(Character::isLetter).map(c -> ideograph(c) ? LETTERS_PER_IDEOGRAPH : 1).sum();
    }

    private static boolean ideograph(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** The detector and its built-in profiles, loaded on first use, once (class initialisation is thread-safe). */
    private static final class Detector {

        static final LanguageDetector DETECTOR = build();

        private static LanguageDetector build() {
            try {
                // Only languages with an ISO 639-1 code (the built-ins include Asturian, "ast").
                List<LanguageProfile> profiles = new LanguageProfileReader().readAllBuiltIn().stream()
                        .filter(p -> p.getLocale().getLanguage().length() == 2)
                        .toList();
                return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
            } catch (IOException e) {
                throw new UncheckedIOException("The built-in language profiles could not be read", e);
            }
        }
    }
}

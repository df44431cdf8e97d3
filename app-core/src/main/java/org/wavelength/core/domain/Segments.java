package org.wavelength.core.domain;

import java.util.Locale;

/**
 * The vector stores are segmented by language, so that a change in one language (new content, a
 * new model, a rebuild) touches only its segment. A segment is the primary language subtag.
 */
public final class Segments {

    /** Content whose language is not known. */
    public static final String UNDETERMINED = "und";

    private Segments() {
    }

    public static String of(String language) {
        if (language == null || language.isBlank()) {
            return UNDETERMINED;
        }
        String primary = language.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return isSegment(primary) ? primary : UNDETERMINED;
    }

    /** Whether the code names a segment: a primary language subtag, lower case ("en", "zh", "und"). */
    public static boolean isSegment(String code) {
        return code != null && code.matches("[a-z]{2,3}");
    }

    /** The name readers use for a segment; it points at the collection that serves it. */
    public static String alias(String segment) {
        return "wavelength_" + segment;
    }

    /** During and after a rebuild: the newest collection of a segment, which writers also write to. */
    public static String nextAlias(String segment) {
        return "wavelength_" + segment + "_next";
    }

    /**
     * A collection of one segment, built with one model, in one version of the segment's history.
     * Model ids are lower-case words joined by dashes, so the name can be read back.
     */
    public static String collection(String segment, String modelId, int version) {
        if (!modelId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("Model ids are lower-case words joined by dashes, not " + modelId);
        }
        return "wavelength_" + segment + "_" + modelId + "_v" + version;
    }

    /** The parts of a collection name made by {@link #collection}, or null for any other name. */
    public static Collection parse(String collection) {
        var matcher = java.util.regex.Pattern.compile("wavelength_([a-z]{2,3})_([a-z0-9]+(?:-[a-z0-9]+)*)_v(\\d+)")
                .matcher(collection);
        return matcher.matches()
                ? new Collection(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)))
                : null;
    }

    public record Collection(String segment, String modelId, int version) {
    }
}

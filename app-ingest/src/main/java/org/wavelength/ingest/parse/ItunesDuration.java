package org.wavelength.ingest.parse;

import java.util.regex.Pattern;

/**
 * Reads {@code itunes:duration}, which publishers write in every shape: "3600", "60:00", "1:00:00",
 * "1:02:03.5", "45:3", even "3600.0" or "1:00:00 " with stray spaces.
 */
public final class ItunesDuration {

    // One to three colon-separated parts; only the last (seconds) may carry a fraction.
    private static final Pattern SHAPE = Pattern.compile("\\d{1,9}(:\\d{1,9}){0,2}([.,]\\d*)?");

    private ItunesDuration() {
    }

    /** Whole seconds, rounded to the nearest; null when the text is missing or not a duration. */
    public static Integer toSeconds(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (!SHAPE.matcher(value).matches()) {
            return null;
        }
        String[] parts = value.split(":");
        long seconds = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            seconds = seconds * 60 + Long.parseLong(parts[i]);
        }
        double last = Double.parseDouble(parts[parts.length - 1].replace(',', '.'));
        double total = seconds * 60.0 + last;
        long rounded = Math.round(total);
        return rounded > Integer.MAX_VALUE ? null : (int) rounded;
    }
}

package org.wavelength.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the time codes of transcripts: {@code hh:mm:ss.mmm}, {@code hh:mm:ss,mmm} (SRT),
 * {@code mm:ss.mmm}, {@code m:ss} (HTML transcripts) and bare seconds such as {@code 12.5} or
 * {@code 15} (some WebVTT writers). The fraction is a decimal fraction of a second, whatever its
 * length: {@code 1.5} is one and a half seconds.
 */
final class TimeCodes {

    private static final int MAX_FIELD_DIGITS = 9;

    private TimeCodes() {
    }

    /** Seconds from the start, or null when the text is not a time code. */
    static Double parse(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        String[] fields = text.split(":", -1);
        if (fields.length > 3) {
            return null;
        }
        String last = fields[fields.length - 1];
        int separator = Math.max(last.indexOf('.'), last.indexOf(','));
        String whole = separator < 0 ? last : last.substring(0, separator);
        String fraction = separator < 0 ? "" : last.substring(separator + 1);
        if (!digits(whole) || (separator >= 0 && !digits(fraction))) {
            return null;
        }
        double seconds = Double.parseDouble(whole + (fraction.isEmpty() ? "" : "." + fraction));
        long minutes = 0;
        for (int i = 0; i < fields.length - 1; i++) {
            if (!digits(fields[i])) {
                return null;
            }
            minutes = minutes * 60 + Long.parseLong(fields[i]);
        }
        // the fields before the seconds fold into minutes: hh:mm becomes hh * 60 + mm
        return minutes * 60 + seconds;
    }

    /**
     * Seconds from a JSON value: a number, or a string holding a time code ("12.5", "00:01:02.5"),
     * which some writers produce. Null when absent (Java or JSON null), negative or not a time.
     */
    static Double ofJson(JsonNode value) {
        Double seconds = null;
        if (value != null && value.isNumber()) {
            seconds = value.doubleValue();
        } else if (value != null && value.isTextual()) {
            seconds = parse(value.textValue());
        }
        return seconds == null || seconds < 0 ? null : seconds;
    }

    /**
     * Why a JSON item has no usable time in {@code field}, worded for a message about the item
     * ("has no startTime"), or null when it has one. An explicit null counts as none.
     */
    static String unreadable(JsonNode item, String field) {
        if (ofJson(item.get(field)) != null) {
            return null;
        }
        return item.hasNonNull(field) ? "has a " + field + " that is not a valid number of seconds" : "has no " + field;
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > MAX_FIELD_DIGITS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * For each start, the first later start in the list that is greater than it, or NaN when there
     * is none: the end of a segment whose format gives only starts.
     */
    static double[] nextLaterStarts(double[] starts) {
        double[] next = new double[starts.length];
        int[] stack = new int[starts.length];
        int size = 0;
        for (int i = starts.length - 1; i >= 0; i--) {
            while (size > 0 && starts[stack[size - 1]] <= starts[i]) {
                size--;
            }
            next[i] = size == 0 ? Double.NaN : starts[stack[size - 1]];
            stack[size++] = i;
        }
        return next;
    }
}

package org.wavelength.web.page;

import io.quarkus.qute.TemplateExtension;

/** Times on the listener's pages (kept apart from TemplateExtensions, which other pages share). */
@TemplateExtension
public class ListeningExtensions {

    /** Seconds as a player shows them: "12:34" or "1:02:03". */
    public static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    /** Chapter and passage starts are fractional seconds; links use whole ones, rounded down. */
    public static long wholeSeconds(double seconds) {
        return (long) Math.floor(Math.max(seconds, 0));
    }
}

package org.wavelength.web.page;

import io.quarkus.qute.TemplateExtension;
import org.wavelength.web.view.Links;

/** Times on the listener's pages (kept apart from TemplateExtensions, which other pages share). */
@TemplateExtension
public class ListeningExtensions {

    /** Seconds as a player shows them: "12:34" or "1:02:03". */
    public static String clock(long seconds) {
        return Links.clock(seconds);
    }

    /** Chapter and passage starts are fractional seconds; links use whole ones, rounded down. */
    public static long wholeSeconds(double seconds) {
        return Links.wholeSeconds(seconds);
    }
}

package org.wavelength.web.page;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting helpers for the pages, so that templates hold no arithmetic. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** A duration in seconds as "42 min" or "1 h 05 min". */
    static String minutes(Integer seconds) {
        int minutes = Math.round(seconds / 60f);
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + String.format("%02d", minutes % 60) + " min";
    }

    static String day(Instant instant) {
        return DAY.format(instant);
    }

    static int previous(int page) {
        return page - 1;
    }

    static int next(int page) {
        return page + 1;
    }
}

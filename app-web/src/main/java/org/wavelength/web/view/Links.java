package org.wavelength.web.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.wavelength.core.assistant.CitedItem;
import org.wavelength.core.domain.Segments;

/** The pages items open, and times as a player shows them: one home for every link the API and the pages give. */
public final class Links {

    private Links() {
    }

    public static String podcast(long id) {
        return "/podcasts/" + id;
    }

    public static String episode(long id) {
        return "/episodes/" + id;
    }

    /**
     * A category's page, whatever characters its name has ("TV & Film"). A "/" stays a "/": the page
     * takes the rest of the path as the name, and an encoded one would reach it still encoded.
     */
    public static String category(String name) {
        return "/categories/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    /** A language's page, by its segment: "en-GB" and "en" open the same page. */
    public static String language(String language) {
        return "/languages/" + Segments.of(language);
    }

    public static String person(long id) {
        return "/people/" + id;
    }

    /** The episode at a moment: whole seconds, rounded down, so that playing from there never misses the first words. */
    public static String episodeAt(long id, double seconds) {
        return episode(id) + "?t=" + wholeSeconds(seconds);
    }

    /** The page an item opens: a passage opens its episode at its start. */
    public static String of(CitedItem item) {
        if (item.passage() != null) {
            return episodeAt(item.episode().id(), item.passage().start());
        }
        return item.episode() != null ? episode(item.episode().id()) : podcast(item.podcast().id());
    }

    /** Chapter and passage starts are fractional seconds; links use whole ones, rounded down. */
    public static long wholeSeconds(double seconds) {
        return (long) Math.floor(Math.max(seconds, 0));
    }

    /** Seconds as a player shows them: "12:34" or "1:02:03". */
    public static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}

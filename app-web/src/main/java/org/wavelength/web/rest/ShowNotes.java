package org.wavelength.web.rest;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Feed HTML is untrusted: show notes keep text formatting and links, and lose scripts, event
 * handlers, styles, frames and anything else that could run or track.
 */
public final class ShowNotes {

    private static final Safelist SAFE = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private ShowNotes() {
    }

    public static String sanitise(String html) {
        return html == null ? null : Jsoup.clean(html, SAFE);
    }
}

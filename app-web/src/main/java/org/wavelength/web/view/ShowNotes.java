package org.wavelength.web.view;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.wavelength.core.domain.EpisodeDetails;

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

    /** The episode's show notes, sanitised: its HTML description, else its plain one. */
    public static String of(EpisodeDetails details) {
        String html = details.descriptionHtml() != null ? details.descriptionHtml() : details.episode().description();
        return sanitise(html);
    }

    public static String sanitise(String html) {
        return html == null ? null : Jsoup.clean(html, SAFE);
    }
}

package org.wavelength.web.chat;

import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.web.page.ListeningExtensions;

/** A podcast, an episode or a passage of one, offered to the listener with the reason it was chosen. */
public record ChatItem(Podcast podcast, Episode episode, Passage passage, String reason) {

    /** The page it opens: a passage opens its episode at its start, in whole seconds rounded down. */
    public String link() {
        if (passage != null) {
            return "/episodes/" + passage.episodeId() + "?t=" + ListeningExtensions.wholeSeconds(passage.start());
        }
        return episode != null ? "/episodes/" + episode.id() : "/podcasts/" + podcast.id();
    }
}

package org.wavelength.web.page;

import java.util.List;
import org.wavelength.core.browse.Directory;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.Podcast;

/** What a category's or a language's page holds: its popular and new episodes, and its podcasts popular first. */
public record Shelf(List<EpisodeItem> popular, List<EpisodeItem> newest, List<Podcast> podcasts) {

    static final int EPISODES_SHOWN = 10;
    static final int PODCASTS_SHOWN = 48;

    /** @param language a segment, or null; @param category a category's name, or null */
    static Shelf of(Directory directory, String language, String category) {
        return new Shelf(directory.popularEpisodes(language, category, EPISODES_SHOWN),
                directory.newEpisodes(language, category, EPISODES_SHOWN),
                directory.podcasts(language, category, PODCASTS_SHOWN));
    }
}

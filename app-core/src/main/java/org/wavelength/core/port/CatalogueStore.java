package org.wavelength.core.port;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.Podcast;

/** Podcasts and episodes. */
public interface CatalogueStore {

    Optional<Podcast> podcast(long id);

    /** Podcasts by title, {@code page} from 0. */
    Page<Podcast> podcasts(int page, int size);

    /** The podcasts with these ids, in no particular order; unknown ids are left out. */
    List<Podcast> podcasts(Collection<Long> ids);

    /** Newest first. */
    List<Episode> episodes(long podcastId, int limit);

    long podcastCount();

    /**
     * Writes what a feed said, all or nothing: the podcast is created or updated, episodes are
     * matched by guid (never doubled), and episodes the feed no longer lists are kept.
     */
    StoredFeed store(long feedId, FeedContent content);

    /** The podcast as stored, and its episodes that this write created or changed. */
    record StoredFeed(Podcast podcast, List<Episode> changedEpisodes) {
    }
}

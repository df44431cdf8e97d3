package org.wavelength.core.port;

import java.time.Instant;
import java.util.List;
import org.wavelength.core.domain.CategoryCount;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.LanguageCount;

/**
 * The catalogue read as a directory: its categories and languages with their counts, and what each
 * holds, popular and new. "Popular" counts distinct listeners who played, finished or liked an
 * episode since a given instant.
 */
public interface DirectoryStore {

    /** Every category podcasts list, once per parent it is listed under (null: at the top), as feeds spell it. */
    List<CategoryCount> categories();

    /** Podcasts per language segment, "und" for those of no known language; most podcasts first. */
    List<LanguageCount> languages();

    /**
     * Ids of the filter's podcasts: those with the most distinct listeners since {@code since} first,
     * then the rest, by episode count, then by title.
     */
    List<Long> podcasts(DirectoryFilter filter, Instant since, int limit);

    /** Ids of the episodes of the filter's podcasts with the most distinct listeners since {@code since}, most first. */
    List<Long> popularEpisodes(DirectoryFilter filter, Instant since, int limit);

    /**
     * The newest episodes of the filter's podcasts, at most {@code perPodcast} of each, newest first;
     * episodes without a date or gone from their feed are left out.
     */
    List<Episode> newestEpisodes(DirectoryFilter filter, int perPodcast, int limit);
}

package org.wavelength.core.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.Credit;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeDetails;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.PodrollItem;
import org.wavelength.core.domain.TranscriptSegment;

/** Podcasts, episodes and their transcripts. */
public interface CatalogueStore {

    Optional<Podcast> podcast(long id);

    /** Podcasts by title, {@code page} from 0. */
    Page<Podcast> podcasts(int page, int size);

    /** The podcasts with these ids, in no particular order; unknown ids are left out. */
    List<Podcast> podcasts(Collection<Long> ids);

    /** Newest first. */
    List<Episode> episodes(long podcastId, int limit);

    Optional<EpisodeDetails> episodeDetails(long episodeId);

    /** The media files of these episodes as their feeds listed them (url, type, length), by episode id; unknown ids left out. */
    java.util.Map<Long, List<org.wavelength.core.domain.FeedContent.Enclosure>> enclosures(Collection<Long> episodeIds);

    /** The episodes with these ids, in no particular order; unknown ids are left out. */
    List<Episode> episodes(Collection<Long> ids);

    /**
     * Episodes published after {@code since}, newest first, of these podcasts (all podcasts when
     * empty); episodes gone from their feed are left out.
     */
    List<Episode> newestEpisodes(Collection<Long> podcastIds, java.time.Instant since, int limit);

    /** An episode's passages in transcript order. */
    List<Passage> passages(long episodeId);

    /** The passages with these ids, in no particular order; unknown ids are left out. */
    List<Passage> passages(Collection<Long> ids);

    long podcastCount();

    /** The people the podcast's feed credits on the show, in the feed's order. */
    List<Credit> podcastCredits(long podcastId);

    /** The shows the podcast's makers recommend (podcast:podroll), in their order, each with its podcast when in the catalogue. */
    List<PodrollItem> podroll(long podcastId);

    /** The people credited on each of these episodes, in the feed's order; episodes without any are left out. */
    Map<Long, List<Credit>> episodeCredits(Collection<Long> episodeIds);

    /** The episodes with these ids and their podcasts, in the order given; unknown ids are left out. */
    default List<EpisodeItem> episodeItems(List<Long> ids) {
        Map<Long, Episode> byId = episodes(ids).stream()
                .collect(Collectors.toMap(Episode::id, Function.identity(), (a, b) -> a));
        return withPodcasts(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /** The episodes with their podcasts, in the order given; an episode whose podcast is gone is left out. */
    default List<EpisodeItem> withPodcasts(Collection<Episode> episodes) {
        Map<Long, Podcast> podcasts = podcasts(episodes.stream().map(Episode::podcastId).distinct().toList()).stream()
                .collect(Collectors.toMap(Podcast::id, Function.identity(), (a, b) -> a));
        return episodes.stream().filter(e -> podcasts.containsKey(e.podcastId()))
                .map(e -> new EpisodeItem(e, podcasts.get(e.podcastId()))).toList();
    }

    /**
     * Writes what a feed said, all or nothing: the podcast is created or updated, episodes are
     * matched by guid (never doubled), and episodes the feed no longer lists are kept and marked.
     */
    StoredFeed store(long feedId, FeedContent content);

    /**
     * Replaces an episode's transcript and passages, all or nothing; returns the passages with
     * their ids.
     */
    List<Passage> storeTranscript(long episodeId, String transcriptUrl, List<TranscriptSegment> segments,
            List<Passage> passages);

    /** Keeps why an episode's transcript could not be read, for the admin; the old one stays. */
    void storeTranscriptError(long episodeId, String transcriptUrl, String error);

    void storeChapters(long episodeId, List<Chapter> chapters);

    /**
     * The podcast as stored, its episodes that this write created or changed, and what the feed
     * said of each of those (transcript and chapter links), by episode id.
     */
    record StoredFeed(Podcast podcast, List<Episode> changedEpisodes, java.util.Map<Long, FeedContent.Item> itemsById) {

        public StoredFeed(Podcast podcast, List<Episode> changedEpisodes) {
            this(podcast, changedEpisodes, java.util.Map.of());
        }
    }
}

package org.wavelength.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.wavelength.core.port.Fixtures.podcast;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexFixtures;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;

/**
 * The neighbour floor is measured on the segment's own pairs, and keeps out of "similar" what is no
 * closer than most pairs are.
 */
class NeighbourFloorTest {

    // Two games shows, close; a music show and a history show, far from both and from each other.
    Podcast games = podcast(1, "Game Night", "Games");
    Podcast moreGames = podcast(2, "Press Start", "Games");
    Podcast music = podcast(3, "Homegrown Songs", "Music");
    Podcast history = podcast(4, "Old Wars", "History");

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue().with(games, moreGames, music, history);
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();
    InMemoryVectorStore store = new InMemoryVectorStore();
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
    AtomicLong now = new AtomicLong();

    {
        store.keywordSearch = false;
    }

    void indexed(Podcast podcast, float... vector) {
        embedder.with(ItemTexts.of(podcast), vector);
        new CatalogueIndexer(IndexFixtures.realtime(index)).index(new StoredFeed(podcast, List.of()));
    }

    void indexedFour() {
        indexed(games, 1, 0.1f, 0);
        indexed(moreGames, 0.9f, 0.2f, 0);
        indexed(music, 0.3f, 1, 0.2f);
        indexed(history, 0.2f, 0.1f, 1);
    }

    @Test
    void theFloorIsAPercentileOfTheSegmentsPairs() {
        indexedFour();

        // Six pairs; the fifth of six by cosine (Press Start and Homegrown Songs) is the 0.8 percentile (nearest rank).
        double floor = new NeighbourFloor(index, 0.8).of("en", ItemKind.PODCAST).orElseThrow();

        assertThat(floor).isCloseTo(cosine(new float[] {0.9f, 0.2f, 0}, new float[] {0.3f, 1, 0.2f}), within(1e-6));
        assertThat(new NeighbourFloor(index, 0.8).of("en", ItemKind.EPISODE)).as("no episodes: no pairs").isEmpty();
        assertThat(new NeighbourFloor(index, 0.8).of("zh", ItemKind.PODCAST)).as("no such segment").isEmpty();
        assertThat(new NeighbourFloor(index, 0).of("en", ItemKind.PODCAST)).as("off").isEmpty();
    }

    @Test
    void similarPodcastsAreOnlyThoseAboveTheFloor() {
        indexedFour();

        List<String> plain = titles(new SimilarPodcasts(catalogue, index, SimilarPodcasts.Tuning.PLAIN), 1);
        List<String> floored = titles(new SimilarPodcasts(catalogue, index, SimilarPodcasts.Tuning.PLAIN, 0.8), 1);

        assertThat(plain).containsExactly("Press Start", "Homegrown Songs", "Old Wars");
        assertThat(floored).as("nothing is nearest by default").containsExactly("Press Start");
        assertThat(titles(new SimilarPodcasts(catalogue, index, SimilarPodcasts.Tuning.PLAIN, 0.8), 4))
                .as("a podcast close to none").isEmpty();
    }

    @Test
    void theFloorIsMeasuredAgainAfterItsTimeToLive() {
        indexed(games, 1, 0, 0);
        indexed(moreGames, 0, 1, 0);
        NeighbourFloor floor = new NeighbourFloor(index, 0.5, now::get);
        assertThat(floor.of("en", ItemKind.PODCAST).orElseThrow()).isCloseTo(0, within(1e-6));

        indexed(music, 0.9f, 0.1f, 0);
        assertThat(floor.of("en", ItemKind.PODCAST).orElseThrow()).as("cached").isCloseTo(0, within(1e-6));
        now.addAndGet(TimeUnit.MINUTES.toNanos(NeighbourFloor.TTL_MINUTES));
        assertThat(floor.of("en", ItemKind.PODCAST).orElseThrow()).as("measured again").isGreaterThan(0.1);
    }

    @Test
    void aPercentileOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> new NeighbourFloor(index, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NeighbourFloor(index, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> titles(SimilarPodcasts similar, long podcastId) {
        return similar.similarTo(podcastId, 10).stream().map(r -> r.item().title()).toList();
    }

    private static double cosine(float[] a, float[] b) {
        return org.wavelength.core.domain.Vectors.dot(org.wavelength.core.domain.Vectors.normalized(a),
                org.wavelength.core.domain.Vectors.normalized(b));
    }
}

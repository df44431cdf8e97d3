package org.wavelength.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wavelength.core.service.Fixtures.episode;
import static org.wavelength.core.service.Fixtures.podcast;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;

class CatalogueIndexerTest {

    InMemoryVectorIndex index = new InMemoryVectorIndex();
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();

    @Test
    void writesThePodcastAndEveryChangedEpisodeInBatches() {
        var podcast = podcast(7, "Big Show", "Technology");
        List<Episode> episodes = LongStream.rangeClosed(1, 70).mapToObj(i -> episode(i, 7, "Episode " + i)).toList();

        int written = new CatalogueIndexer(embedder, index).index(new StoredFeed(podcast, episodes));

        assertThat(written).isEqualTo(71);
        assertThat(index.count(VectorFilter.kind(ItemKind.EPISODE))).isEqualTo(70);
        assertThat(index.count(VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(1);
        assertThat(embedder.batchSizes).containsExactly(32, 32, 7);
        assertThat(index.upsertCalls).isEqualTo(3);
        var point = index.points.get(PointIds.of(ItemKind.EPISODE, 70));
        assertThat(point.podcastId()).isEqualTo(7L);
        assertThat(point.language()).isEqualTo("en");
        assertThat(point.categories()).containsExactly("Technology");
        assertThat(point.durationSeconds()).isEqualTo(600);
    }

    @Test
    void indexingTheSameFeedTwiceReplacesRatherThanDoubles() {
        var stored = new StoredFeed(podcast(7, "Show"), List.of(episode(1, 7, "One")));
        new CatalogueIndexer(embedder, index).index(stored);
        new CatalogueIndexer(embedder, index).index(stored);
        assertThat(index.points).hasSize(2);
    }

    @Test
    void theTextStandsForTheItemWithTheTellingFieldsFirst() {
        var podcast = podcast(7, "Big Show", "Technology");
        assertThat(ItemTexts.of(podcast)).isEqualTo("Big Show. Author 7. Technology. About Big Show");
        assertThat(ItemTexts.of(podcast, episode(1, 7, "Pilot"))).isEqualTo("Pilot. Big Show. Notes of Pilot");
        var long_ = new org.wavelength.core.domain.Podcast(1, 1, null, "T", null, "x".repeat(5000), null, List.of(),
                null, null, false, 0);
        assertThat(ItemTexts.of(long_)).hasSize(ItemTexts.MAX_CHARS);
    }
}

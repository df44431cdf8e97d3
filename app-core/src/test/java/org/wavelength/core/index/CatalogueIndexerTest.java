package org.wavelength.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wavelength.core.port.Fixtures.episode;
import static org.wavelength.core.port.Fixtures.podcast;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;

class CatalogueIndexerTest {

    InMemoryVectorStore store = new InMemoryVectorStore();
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
    CatalogueIndexer indexer = new CatalogueIndexer(IndexFixtures.realtime(index));

    @Test
    void writesThePodcastAndEveryChangedEpisodeInSharedBatches() {
        var podcast = podcast(7, "Big Show", "Technology");
        List<Episode> episodes = LongStream.rangeClosed(1, 130).mapToObj(i -> episode(i, 7, "Episode " + i)).toList();

        int written = indexer.index(new StoredFeed(podcast, episodes));

        assertThat(written).isEqualTo(131);
        assertThat(index.count("en", VectorFilter.kind(ItemKind.EPISODE))).isEqualTo(130);
        assertThat(index.count("en", VectorFilter.kind(ItemKind.PODCAST))).isEqualTo(1);
        assertThat(embedder.batchSizes).containsExactly(64, 64, 3);
        var point = store.collection("wavelength_en").get(PointIds.of(ItemKind.EPISODE, 130));
        assertThat(point.payload().podcastId()).isEqualTo(7L);
        assertThat(point.payload().episodeId()).isEqualTo(130L);
        assertThat(point.payload().language()).isEqualTo("en");
        assertThat(point.payload().categories()).containsExactly("Technology");
        assertThat(point.payload().durationSeconds()).isEqualTo(600);
        assertThat(point.text()).isEqualTo("Episode 130. Big Show. Notes of Episode 130");
    }

    @Test
    void indexingTheSameFeedTwiceReplacesRatherThanDoubles() {
        var stored = new StoredFeed(podcast(7, "Show"), List.of(episode(1, 7, "One")));
        indexer.index(stored);
        indexer.index(stored);
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(2);
    }

    @Test
    void passagesCarryTheirEpisodeAndTimesAndCanBeRemoved() {
        var podcast = podcast(7, "Show");
        var episode = episode(1, 7, "One");
        List<Passage> passages = List.of(new Passage(11, 1, 0, 0, 30.5, "Ann", "Hello there."),
                new Passage(12, 1, 1, 30.5, 61, "Bob", "General Kenobi."));
        indexer.indexPassages(podcast, episode, passages);

        var point = store.collection("wavelength_en").get(PointIds.of(ItemKind.PASSAGE, 12));
        assertThat(point.payload().episodeId()).isEqualTo(1L);
        assertThat(point.payload().start()).isEqualTo(30.5);
        assertThat(point.payload().end()).isEqualTo(61.0);
        assertThat(point.text()).isEqualTo("General Kenobi.");

        indexer.removePassages(podcast, passages);
        assertThat(index.count("en", VectorFilter.kind(ItemKind.PASSAGE))).isZero();
    }

    @Test
    void theTextStandsForTheItemWithTheTellingFieldsFirst() {
        var podcast = podcast(7, "Big Show", "Technology");
        assertThat(ItemTexts.of(podcast)).isEqualTo("About Big Show. Big Show. Author 7. Technology");
        assertThat(ItemTexts.of(podcast, episode(1, 7, "Pilot"))).isEqualTo("Pilot. Big Show. Notes of Pilot");
        var long_ = new org.wavelength.core.domain.Podcast(1, 1, null, "The Title", "Someone", "x".repeat(5000), null,
                List.of(), null, null, false, 0);
        // A long description is cut so that the title and author stay inside the model's window.
        assertThat(ItemTexts.of(long_)).isEqualTo("x".repeat(ItemTexts.DESCRIPTION_CHARS) + ". The Title. Someone");
        var untitled = new org.wavelength.core.domain.Podcast(1, 1, null, null, null, "  ", null, List.of(), null, null,
                false, 0);
        assertThat(ItemTexts.of(untitled)).isEmpty();
    }
}

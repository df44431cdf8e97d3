package org.wavelength.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wavelength.core.service.Fixtures.podcast;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore.StoredFeed;

class SimilarPodcastsTest {

    Podcast history = podcast(1, "Bits of History", "Technology", "History");
    Podcast retro = podcast(2, "Retro Computer Hour", "Technology");
    Podcast wars = podcast(3, "Old Wars", "History");
    Podcast bread = podcast(4, "Sourdough Sundays", "Food");

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue().with(history, retro, wars, bread);
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();
    SegmentedIndex index = new SegmentedIndex(new InMemoryVectorStore(), new Fixtures.FixedEmbedders(embedder));
    SimilarPodcasts similar = new SimilarPodcasts(catalogue, index);

    void indexed(Podcast podcast, float... vector) {
        embedder.with(podcast.title(), vector);
        new CatalogueIndexer(IndexWritesTest.realtime(index)).index(new StoredFeed(podcast, List.of()));
    }

    @Test
    void ranksOtherPodcastsByCosineAndLeavesItselfOut() {
        indexed(history, 1, 0.2f, 0);
        indexed(retro, 0.9f, 0.3f, 0);
        indexed(wars, 0.2f, 1, 0);
        indexed(bread, 0, 0, 1);

        List<Recommendation<Podcast>> result = similar.similarTo(1, 10);

        assertThat(result).extracting(r -> r.item().title())
                .containsExactly("Retro Computer Hour", "Old Wars", "Sourdough Sundays");
        assertThat(result.get(0).score()).isGreaterThan(result.get(1).score());
        assertThat(similar.similarTo(1, 1)).hasSize(1);
    }

    @Test
    void theReasonNamesASharedCategoryOrSaysWhatItIsCloseTo() {
        assertThat(SimilarPodcasts.reason(history, retro)).isEqualTo("Like Bits of History, it is about Technology");
        assertThat(SimilarPodcasts.reason(history, wars)).isEqualTo("Like Bits of History, it is about History");
        assertThat(SimilarPodcasts.reason(history, bread)).isEqualTo("Close in subject to Bits of History");
    }

    @Test
    void aPodcastNotIndexedYetHasNoSimilarOnes() {
        indexed(retro, 1, 0, 0);
        assertThat(similar.similarTo(1, 10)).isEmpty();
    }

    @Test
    void anUnknownPodcastIsAnError() {
        assertThatThrownBy(() -> similar.similarTo(99, 10)).isInstanceOf(UnknownItemException.class)
                .hasMessage("There is no podcast with id 99.");
    }

    @Test
    void podcastsDeletedSinceIndexingAreSkipped() {
        indexed(history, 1, 0, 0);
        indexed(retro, 1, 0.1f, 0);
        indexed(podcast(9, "Gone"), 1, 0.05f, 0);
        assertThat(similar.similarTo(1, 10)).extracting(r -> r.item().id()).containsExactly(2L);
    }
}

package org.wavelength.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wavelength.core.port.Fixtures.podcast;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.PodrollItem;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexFixtures;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;

/** Similar podcasts with a podroll: the makers' picks first, saying who recommends them, then the rest. */
class MakersPicksTest {

    Podcast history = podcast(1, "Bits of History", "Technology", "History");
    Podcast retro = podcast(2, "Retro Computer Hour", "Technology");
    Podcast wars = podcast(3, "Old Wars", "History");
    Podcast bread = podcast(4, "Sourdough Sundays", "Food");

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue().with(history, retro, wars, bread);
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();
    InMemoryVectorStore store = new InMemoryVectorStore();
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
    SimilarPodcasts similar = new SimilarPodcasts(catalogue, index, SimilarPodcasts.Tuning.PLAIN);

    {
        indexed(history, 1, 0.2f, 0);
        indexed(retro, 0.9f, 0.3f, 0);
        indexed(wars, 0.2f, 1, 0);
        indexed(bread, 0, 0, 1);
    }

    void indexed(Podcast podcast, float... vector) {
        embedder.with(ItemTexts.of(podcast), vector);
        new CatalogueIndexer(IndexFixtures.realtime(index)).index(new StoredFeed(podcast, List.of()));
    }

    List<String> titles(List<Recommendation<Podcast>> found) {
        return found.stream().map(r -> r.item().title()).toList();
    }

    @Test
    void thePodrollsPodcastsComeFirstInTheMakersOrderAndAreNotRepeated() {
        catalogue.podrolls.put(1L, List.of(new PodrollItem("guid-4", null, bread),
                new PodrollItem(null, "https://elsewhere.example/feed.xml", null), new PodrollItem("guid-3", null, wars)));

        List<Recommendation<Podcast>> found = similar.similarTo(1, 3);

        assertThat(titles(found)).containsExactly("Sourdough Sundays", "Old Wars", "Retro Computer Hour");
        assertThat(found.subList(0, 2)).allSatisfy(r ->
                assertThat(r.reason().text()).isEqualTo("Recommended by the makers of Bits of History"));
        assertThat(found.get(2).reason().text()).isEqualTo("Like Bits of History, it is about Technology");
        assertThat(found.get(0).score()).isEqualTo(found.get(1).score()).isGreaterThanOrEqualTo(found.get(2).score());
    }

    @Test
    void theLimitHoldsAndWithoutAPodrollNothingChanges() {
        catalogue.podrolls.put(1L, List.of(new PodrollItem("guid-4", null, bread), new PodrollItem("guid-3", null, wars)));
        assertThat(titles(similar.similarTo(1, 1))).containsExactly("Sourdough Sundays");

        assertThat(titles(similar.similarTo(2, 3))).containsExactly("Bits of History", "Old Wars", "Sourdough Sundays");
    }
}

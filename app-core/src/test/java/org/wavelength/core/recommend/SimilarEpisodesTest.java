package org.wavelength.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexFixtures;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;

class SimilarEpisodesTest {

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue();
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();
    SegmentedIndex index = new SegmentedIndex(new InMemoryVectorStore(), new Fixtures.FixedEmbedders(embedder));
    SimilarEpisodes similar = new SimilarEpisodes(catalogue, index);

    void show(Podcast podcast, Episode... episodes) {
        catalogue.with(podcast).with(episodes);
        new CatalogueIndexer(IndexFixtures.realtime(index)).index(new StoredFeed(podcast, List.of(episodes)));
    }

    @Test
    void neighboursComeFromAnyShowAtMostTwoFromOneAndSayWhy() {
        embedder.with("Comets", 1, 0, 0).with("Black holes", 1, 0.05f, 0).with("Nebulae", 1, 0.1f, 0)
                .with("Moons", 1, 0.15f, 0).with("Telescopes", 0.9f, 0.3f, 0).with("Bread", 0, 0, 1);
        show(Fixtures.podcast(1, "Star Talk"), Fixtures.episode(11, 1, "Comets"), Fixtures.episode(12, 1, "Black holes"),
                Fixtures.episode(13, 1, "Nebulae"), Fixtures.episode(14, 1, "Moons"));
        show(Fixtures.podcast(2, "Deep Space"), Fixtures.episode(21, 2, "Telescopes"));
        show(Fixtures.podcast(3, "Bread Club"), Fixtures.episode(31, 3, "Bread"));

        List<Recommendation<EpisodeItem>> result = similar.similarTo(11, 3);

        assertThat(result).extracting(r -> r.item().episode().id()).containsExactly(12L, 13L, 21L);
        assertThat(result).extracting(r -> r.item().podcast().title()).containsExactly("Star Talk", "Star Talk", "Deep Space");
        assertThat(result.get(0).reason().text()).isEqualTo("Also from Star Talk, on a close subject");
        assertThat(result.get(2).reason().text()).isEqualTo("Close in subject to Comets");
    }

    @Test
    void anEpisodeOfAnotherShowWithAPersonOfThisOneSaysSoButTheShowsOwnHostDoesNot() {
        embedder.with("Comets", 1, 0, 0).with("Black holes", 1, 0.05f, 0).with("Telescopes", 0.9f, 0.3f, 0)
                .with("Mirrors", 0.9f, 0.35f, 0);
        show(Fixtures.podcast(1, "Star Talk"), Fixtures.episode(11, 1, "Comets"), Fixtures.episode(12, 1, "Black holes"));
        show(Fixtures.podcast(2, "Deep Space"), Fixtures.episode(21, 2, "Telescopes"), Fixtures.episode(22, 2, "Mirrors"));
        catalogue.credit(11, 7, "Vera Rubin", "host").credit(11, 8, "Carl Sagan", "guest")
                .credit(12, 7, "Vera Rubin", "host")
                .credit(21, 9, "Jill Tarter", "host").credit(21, 8, "Carl Sagan", "guest")
                .credit(22, 9, "Jill Tarter", "host");

        List<Recommendation<EpisodeItem>> result = similar.similarTo(11, 3);

        assertThat(result).extracting(r -> r.item().episode().id()).containsExactly(12L, 21L, 22L);
        assertThat(result).extracting(r -> r.reason().text()).containsExactly("Also from Star Talk, on a close subject",
                "More with Carl Sagan", "Close in subject to Comets");
    }

    @Test
    void anUnknownEpisodeIsAnError() {
        assertThatThrownBy(() -> similar.similarTo(99, 3)).isInstanceOf(UnknownItemException.class);
    }
}

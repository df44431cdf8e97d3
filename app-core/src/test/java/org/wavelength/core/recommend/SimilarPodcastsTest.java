package org.wavelength.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wavelength.core.port.Fixtures.episode;
import static org.wavelength.core.port.Fixtures.podcast;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexFixtures;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorQuery;

class SimilarPodcastsTest {

    Podcast history = podcast(1, "Bits of History", "Technology", "History");
    Podcast retro = podcast(2, "Retro Computer Hour", "Technology");
    Podcast wars = podcast(3, "Old Wars", "History");
    Podcast bread = podcast(4, "Sourdough Sundays", "Food");

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue().with(history, retro, wars, bread);
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();
    CountingStore store = new CountingStore();

    {
        store.keywordSearch = false; // cosine steps alone, unless a test says otherwise
    }
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
    SimilarPodcasts similar = new SimilarPodcasts(catalogue, index);
    /** The product's steps without neighbourhood smoothing, which in a catalogue of a handful mixes everything. */
    static final SimilarPodcasts.Tuning UNSMOOTHED = SimilarPodcasts.Tuning.DEFAULT.withNeighbours(0);
    SimilarPodcasts unsmoothed = new SimilarPodcasts(catalogue, index, UNSMOOTHED);

    /** The in-memory store, counting its k-NN searches. */
    static class CountingStore extends InMemoryVectorStore {
        int searches;

        @Override
        public List<VectorHit> search(String name, VectorQuery query) {
            searches++;
            return super.search(name, query);
        }
    }

    /** Indexes the podcast with this vector, through the product's write path. */
    void indexed(Podcast podcast, float... vector) {
        embedder.with(ItemTexts.of(podcast), vector);
        new CatalogueIndexer(IndexFixtures.realtime(index)).index(new StoredFeed(podcast, List.of()));
    }

    /** Indexes the podcast's episodes, each with its vector (the embedder matches an episode's text by its title). */
    void indexedEpisodes(Podcast podcast, List<Episode> episodes, float[]... vectors) {
        for (int i = 0; i < episodes.size(); i++) {
            embedder.with(episodes.get(i).title() + ". ", vectors[i]);
        }
        new CatalogueIndexer(IndexFixtures.realtime(index)).index(new StoredFeed(podcast, episodes));
    }

    void indexedFourShows() {
        indexed(history, 1, 0.2f, 0);
        indexed(retro, 0.9f, 0.3f, 0);
        indexed(wars, 0.2f, 1, 0);
        indexed(bread, 0, 0, 1);
    }

    List<String> titles(SimilarPodcasts similar, long podcastId) {
        return similar.similarTo(podcastId, 10).stream().map(r -> r.item().title()).toList();
    }

    @Test
    void ranksOtherPodcastsByCosineAndLeavesItselfOut() {
        indexedFourShows();

        List<Recommendation<Podcast>> result = similar.similarTo(1, 10);

        assertThat(result).extracting(r -> r.item().title())
                .containsExactly("Retro Computer Hour", "Old Wars", "Sourdough Sundays");
        assertThat(result.get(0).score()).isGreaterThan(result.get(1).score());
        assertThat(similar.similarTo(1, 1)).hasSize(1);
    }

    @Test
    void theReasonNamesASharedCategoryOrSaysWhatItIsCloseTo() {
        assertThat(SimilarPodcasts.reason(history, retro).text()).isEqualTo("Like Bits of History, it is about Technology");
        assertThat(SimilarPodcasts.reason(history, wars).text()).isEqualTo("Like Bits of History, it is about History");
        assertThat(SimilarPodcasts.reason(history, bread).text()).isEqualTo("Close in subject to Bits of History");
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

    @Test
    void theEpisodesTakePartInTheQuery() {
        // The show's description is about computers; its episodes are about bread.
        indexed(history, 1, 0, 0);
        indexed(retro, 0.85f, 0.53f, 0);
        indexed(bread, 0.8f, 0, 0.6f);
        indexedEpisodes(history, List.of(episode(11, 1, "Bread in Rome"), episode(12, 1, "Bakers of Pompeii")),
                new float[] {0, 0, 1}, new float[] {0, 0.1f, 1});

        assertThat(titles(unsmoothed, 1)).containsExactly("Sourdough Sundays", "Retro Computer Hour");
        var withoutEpisodes = new SimilarPodcasts(catalogue, index, UNSMOOTHED.withEpisodeWeight(0));
        assertThat(titles(withoutEpisodes, 1)).containsExactly("Retro Computer Hour", "Sourdough Sundays");
    }

    @Test
    void aKeywordMatchComesUpWhereTheStoreHasKeywordSearch() {
        Podcast science = podcast(5, "Sourdough Science");
        catalogue.with(science);
        indexed(bread, 1, 0, 0);
        indexed(wars, 0.9f, 0.436f, 0);     // closer in vector, shares no telling word
        indexed(science, 0.8f, 0, 0.6f);    // shares "sourdough"

        assertThat(titles(unsmoothed, 4)).as("without keyword search (as on Qdrant)")
                .containsExactly("Old Wars", "Sourdough Science");
        store.keywordSearch = true;
        assertThat(titles(unsmoothed, 4)).containsExactly("Sourdough Science", "Old Wars");
        assertThat(titles(new SimilarPodcasts(catalogue, index, UNSMOOTHED.withoutKeywords()), 4))
                .containsExactly("Old Wars", "Sourdough Science");
    }

    @Test
    void queryExpansionFavoursTheNeighbourhoodOverALoneOutlier() {
        embedder = new Fixtures.TableEmbedder("table", 4);
        index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
        Podcast query = podcast(100, "Query Show");
        Podcast outlier = podcast(200, "Outlier Show");
        Podcast central = podcast(300, "Central Show");
        catalogue.with(query, outlier, central);
        indexed(query, 1, 0, 0, 0);
        for (int i = 1; i <= 5; i++) {
            Podcast member = podcast(100 + i, "Cluster Show " + i);
            catalogue.with(member);
            indexed(member, 0.8f, 0.6f, 0.05f * i, 0); // cosine to the query 0.80 to 0.78
        }
        indexed(outlier, 0.75f, 0, 0, 0.66f);      // cosine 0.75, unlike the cluster
        indexed(central, 0.7f, 0.714f, 0, 0);      // cosine 0.70, in the middle of the cluster

        List<String> expanded = titles(new SimilarPodcasts(catalogue, index, UNSMOOTHED), 100);
        assertThat(expanded.indexOf("Central Show")).isLessThan(expanded.indexOf("Outlier Show"));
        List<String> plain = titles(new SimilarPodcasts(catalogue, index, UNSMOOTHED.withExpansion(0)),
                100);
        assertThat(plain).endsWith("Outlier Show", "Central Show");
    }

    @Test
    void centringFavoursWhatSetsThePodcastApartOverWhatAllShare() {
        embedder = new Fixtures.TableEmbedder("table", 4);
        index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
        // Every vector leans on the first axis, as sentence embeddings share a common direction.
        List<Podcast> others = new ArrayList<>();
        for (int i = 0; i < SimilarPodcasts.MIN_PODCASTS_TO_CENTRE; i++) {
            Podcast filler = podcast(1000 + i, "Filler " + i);
            others.add(filler);
            indexed(filler, 1, (float) (0.3 * Math.sin(i)), (float) (0.3 * Math.cos(1.7 * i)),
                    (float) (0.3 * Math.sin(2.3 * i)));
        }
        Podcast query = podcast(100, "Query Show");
        Podcast generic = podcast(101, "Generic Show");
        Podcast topical = podcast(102, "Topical Show");
        catalogue.with(query, generic, topical).with(others.toArray(Podcast[]::new));
        indexed(query, 1, 0, 0.5f, 0);
        indexed(generic, 1, 0, 0.1f, 0);   // raw cosine 0.93: close to everything
        indexed(topical, 0.3f, 0, 1, 0);   // raw cosine 0.69: shares the query's own direction

        var noExpansion = UNSMOOTHED.withExpansion(0);
        assertThat(titles(new SimilarPodcasts(catalogue, index, noExpansion), 100)).first().isEqualTo("Topical Show");
        List<String> raw = new SimilarPodcasts(catalogue, index, noExpansion.withCentre(false)).similarTo(100, 100)
                .stream().map(r -> r.item().title()).toList();
        assertThat(raw.indexOf("Generic Show")).isNotNegative().isLessThan(raw.indexOf("Topical Show"));
    }

    @Test
    void thePlainTuningIsTheCosineNearestNeighbours() {
        indexedFourShows();
        var plain = new SimilarPodcasts(catalogue, index, SimilarPodcasts.Tuning.PLAIN);
        List<Recommendation<Podcast>> result = plain.similarTo(1, 2);
        assertThat(result).extracting(r -> r.item().title()).containsExactly("Retro Computer Hour", "Old Wars");
        assertThat(result.get(0).score()).isCloseTo(Vectors.cosine(new float[] {1, 0.2f, 0},
                new float[] {0.9f, 0.3f, 0}), org.assertj.core.api.Assertions.within(1e-6));
    }

    /** A podcast close to the query, whose own neighbours are elsewhere, and one whose neighbours are the query's. */
    void indexedTwoNeighbourhoods() {
        embedder = new Fixtures.TableEmbedder("table", 4);
        index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
        Podcast query = podcast(100, "Query Show");
        Podcast loner = podcast(200, "Loner Show");
        Podcast member = podcast(300, "Member Show");
        catalogue.with(query, loner, member);
        indexed(query, 1, 0, 0, 0);
        indexed(loner, 0.9f, 0, 0.436f, 0);    // cosine 0.90 to the query
        indexed(member, 0.8f, 0.6f, 0, 0);     // cosine 0.80
        for (int i = 1; i <= 3; i++) {
            Podcast elsewhere = podcast(200 + i, "Elsewhere " + i);  // the loner's own neighbours
            Podcast beside = podcast(300 + i, "Beside " + i);        // the query's and the member's
            catalogue.with(elsewhere, beside);
            indexed(elsewhere, 0.85f, 0, 0.53f, 0.02f * i);  // cosine 0.85 to the query, 0.99 to the loner
            indexed(beside, 0.95f, 0.31f, 0, 0.02f * i);     // cosine 0.95 to the query and to the member
        }
    }

    @Test
    void smoothingComparesPodcastsByTheirNeighbourhoodsToo() {
        indexedTwoNeighbourhoods();
        var smoothing = UNSMOOTHED.withNeighbours(3).withExpansion(0);

        List<String> smoothed = titles(new SimilarPodcasts(catalogue, index, smoothing), 100);
        assertThat(smoothed.indexOf("Member Show")).isNotNegative().isLessThan(smoothed.indexOf("Loner Show"));
        List<String> plain = titles(new SimilarPodcasts(catalogue, index, smoothing.withNeighbours(0)), 100);
        assertThat(plain.indexOf("Loner Show")).isNotNegative().isLessThan(plain.indexOf("Member Show"));
    }

    @Test
    void aCandidatesSmoothedVectorIsWorkedOutOnceAndKept() {
        indexedTwoNeighbourhoods();
        SimilarPodcasts kept = new SimilarPodcasts(catalogue, index, UNSMOOTHED.withNeighbours(3));

        int before = store.searches;
        List<String> first = titles(kept, 100);
        int cold = store.searches - before;
        List<String> second = titles(kept, 100);
        int warm = store.searches - before - cold;

        assertThat(cold).as("the query's and each candidate's neighbourhood").isEqualTo(1 + first.size());
        assertThat(warm).as("the query's alone").isEqualTo(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aSmoothedVectorLeansOnTheBestNeighboursMost() {
        assertThat(PodcastNeighbourhoods.rankWeight(0)).isEqualTo(1.0);
        assertThat(PodcastNeighbourhoods.rankWeight(2)).isEqualTo(0.5);
        var neighbourhoods = new PodcastNeighbourhoods(index, "en", null, UNSMOOTHED.withNeighbours(2));
        indexed(history, 1, 0, 0);
        indexed(retro, 0, 1, 0);
        indexed(wars, 0, 0, 1);
        neighbourhoods.read(List.of(2L, 3L));
        var ranking = new PodcastNeighbourhoods.Ranking(List.of(new PodcastNeighbourhoods.Scored(2, 0.9),
                new PodcastNeighbourhoods.Scored(3, 0.8)), java.util.Map.of());

        float[] smoothed = neighbourhoods.smoothed(new float[] {1, 0, 0}, ranking);

        // 0.25 own, then 1 and 1/log2(3) = 0.63 for the first and second, summing to one: 0.61, 0.39.
        double first = 1 / (1 + 1 / (Math.log(3) / Math.log(2)));
        float[] expected = Vectors.normalized(new float[] {0.25f, (float) first, (float) (1 - first)});
        assertThat(smoothed).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void aCatalogueSmallerThanANeighbourhoodIsNotSmoothed() {
        indexedFourShows();
        var smoothing = UNSMOOTHED.withNeighbours(3);

        assertThat(scores(new SimilarPodcasts(catalogue, index, smoothing.withNeighbours(4)))).as("three candidates each")
                .isEqualTo(scores(unsmoothed));
        assertThat(scores(new SimilarPodcasts(catalogue, index, smoothing))).isNotEqualTo(scores(unsmoothed));
    }

    static List<Double> scores(SimilarPodcasts similar) {
        return similar.similarTo(1, 10).stream().map(Recommendation::score).toList();
    }
}

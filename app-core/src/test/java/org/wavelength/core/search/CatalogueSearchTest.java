package org.wavelength.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.index.IndexDocuments;
import org.wavelength.core.index.ReciprocalRankFusion;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.search.CatalogueSearch.Hit;
import org.wavelength.core.search.CatalogueSearch.Query;
import org.wavelength.core.search.CatalogueSearch.Ranking;

class CatalogueSearchTest {

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue();
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();
    SegmentedIndex index = new SegmentedIndex(new InMemoryVectorStore(), new Fixtures.FixedEmbedders(embedder));
    CatalogueSearch search = new CatalogueSearch(catalogue, index, CatalogueSearch.Relevance.OFF);

    static Podcast podcast(long id, String title, String language, boolean explicit, String... categories) {
        return new Podcast(id, id, "https://example.com/" + id, title, "Author " + id, "About " + title, language,
                List.of(categories), null, null, explicit, 0);
    }

    static Episode episode(long id, long podcastId, String title, String description, Integer duration,
            Instant published) {
        return new Episode(id, podcastId, "guid-" + id, title, description, null, published, duration, null, null,
                null, null, null, null);
    }

    /** Stores the podcast and indexes it as ingestion does. */
    void indexed(Podcast podcast, float... vector) {
        catalogue.with(podcast);
        embedder.with(podcast.title(), vector);
        index.write(List.of(IndexDocuments.of(podcast)));
    }

    void indexed(Podcast podcast, Episode episode, float... vector) {
        catalogue.with(episode);
        embedder.with(episode.title(), vector);
        index.write(List.of(IndexDocuments.of(podcast, episode)));
    }

    void indexed(Podcast podcast, Episode episode, Passage passage, float... vector) {
        catalogue.with(passage);
        embedder.with(passage.text(), vector);
        index.write(List.of(IndexDocuments.of(podcast, episode, passage)));
    }

    List<Hit> find(String text, Set<ItemKind> kinds, VectorFilter filter, int limit) {
        return search.search(Query.of(text, kinds, filter, limit));
    }

    static List<String> titles(List<Hit> hits) {
        return hits.stream().map(h -> switch (h.kind()) {
            case PODCAST -> h.podcast().title();
            case EPISODE -> h.episode().title();
            default -> h.passage().text();
        }).toList();
    }

    @Test
    void agreementOfTheTwoRankingsBeatsAFirstPlaceInOne() {
        Podcast show = podcast(1, "Show", "en", false);
        catalogue.with(show);
        embedder.with("airships", 1, 0, 0);
        // Semantic order: Near, Middle, Far; only Middle and Far hold the query's word.
        indexed(show, episode(11, 1, "Near", "Balloons over the sea", 600, null), 1, 0.1f, 0);
        indexed(show, episode(12, 1, "Middle", "Airships and more airships", 600, null), 1, 0.5f, 0);
        indexed(show, episode(13, 1, "Far", "One airships mention", 600, null), 0.2f, 1, 0);

        List<Hit> hits = find("airships", Set.of(ItemKind.EPISODE), VectorFilter.ALL, 10);

        // Middle: semantic 2 + keyword 1 (it holds the word twice); Far: semantic 3 + keyword 2;
        // Near: semantic 1 only.
        assertThat(titles(hits)).containsExactly("Middle", "Far", "Near");
        double k = ReciprocalRankFusion.K;
        assertThat(hits.get(0).score()).isCloseTo(1 / (k + 2) + 1 / (k + 1), within(1e-12));
        assertThat(hits.get(1).score()).isCloseTo(1 / (k + 3) + 1 / (k + 2), within(1e-12));
        assertThat(hits.get(2).score()).isCloseTo(1 / (k + 1), within(1e-12));
    }

    @Test
    void aMatchOnlyByItsWordsIsStillFound() {
        Podcast show = podcast(1, "Show", "en", false);
        catalogue.with(show);
        embedder.with("zeppelin", 1, 0, 0);
        // More items close to the query than the semantic ranking holds, none of them with its word.
        for (int i = 0; i < CatalogueSearch.MIN_CANDIDATES + 5; i++) {
            indexed(show, episode(100 + i, 1, "Filler " + i, "Nothing to see", 600, null), 1, 0.01f * (i + 1), 0);
        }
        indexed(show, episode(7, 1, "Lighter than air", "The Zeppelin era of travel", 600, null), 0, 0, 1);

        List<Hit> semantic = search.search(Query.of("zeppelin", null, VectorFilter.ALL, 50).ranked(Ranking.SEMANTIC));
        assertThat(titles(semantic)).doesNotContain("Lighter than air");

        List<Hit> fused = find("zeppelin", null, VectorFilter.ALL, 5);
        assertThat(titles(fused)).contains("Lighter than air");
        assertThat(titles(search.search(Query.of("zeppelin", null, VectorFilter.ALL, 5).ranked(Ranking.KEYWORD))))
                .containsExactly("Lighter than air");
    }

    @Test
    void aQuoteBringsThePassageThatHoldsItFirst() {
        Podcast show = podcast(1, "Show", "en", false);
        Episode episode = episode(11, 1, "Engines", "x", 600, null);
        catalogue.with(show).with(episode);
        embedder.with("the engine", 1, 0, 0);
        // The neighbour holds part of the quote and is first by meaning, which weighs little for passages; the
        // passage that says all of the quote's words together is first by words and by words said together.
        indexed(show, episode, new Passage(21, 11, 0, 0, 30, null, "Cards, and the engine"), 1, 0, 0);
        indexed(show, episode, new Passage(22, 11, 1, 30, 60, null, "Unrelated words"), 1, 0.2f, 0);
        indexed(show, episode, new Passage(23, 11, 2, 60, 90, null, "Then the Engine reads punched-cards."), 1, 0.5f, 0);
        Query quote = Query.of("the engine reads punched cards", null, VectorFilter.ALL, 1);

        List<Hit> withoutPhrase = search.search(quote.ranked(Ranking.FUSED_WITHOUT_PHRASE));
        assertThat(titles(withoutPhrase)).containsExactly("Then the Engine reads punched-cards.");
        List<Hit> hits = search.search(quote);
        assertThat(titles(hits)).containsExactly("Then the Engine reads punched-cards.");
        double k = ReciprocalRankFusion.K;
        double semantic = CatalogueSearch.PASSAGE_SEMANTIC_WEIGHT / (k + 3);
        double wordsTogether = CatalogueSearch.PASSAGE_NEAR_WEIGHT / (k + 1);
        assertThat(withoutPhrase.get(0).score()).isCloseTo(semantic + 1 / (k + 1) + wordsTogether, within(1e-12));
        assertThat(hits.get(0).score()).as("the phrase adds a first place").isCloseTo(withoutPhrase.get(0).score() + 1 / (k + 1),
                within(1e-12));

        Query keywords = Query.of("engine reads punched", null, VectorFilter.ALL, 3);
        assertThat(search.search(keywords)).isEqualTo(search.search(keywords.ranked(Ranking.FUSED_WITHOUT_PHRASE)));
    }

    @Test
    void kindsAreMixedWhenNoneIsAskedFor() {
        Podcast show = podcast(1, "Bits of History", "en", false);
        indexed(show, 1, 0, 0);
        Episode engine = episode(11, 1, "The Analytical Engine", "Babbage", 600, null);
        indexed(show, engine, 1, 0.1f, 0);
        indexed(show, engine, new Passage(21, 11, 0, 754, 780.5, "Ada", "Lovelace writes the first program"), 1, 0.2f, 0);
        embedder.with("history", 1, 0, 0);

        assertThat(find("history", null, VectorFilter.ALL, 10)).extracting(Hit::kind)
                .containsExactlyInAnyOrder(ItemKind.PODCAST, ItemKind.EPISODE, ItemKind.PASSAGE);
        assertThat(find("history", Set.of(ItemKind.PODCAST, ItemKind.PASSAGE), VectorFilter.ALL, 10))
                .extracting(Hit::kind).containsExactlyInAnyOrder(ItemKind.PODCAST, ItemKind.PASSAGE);
    }

    @Test
    void aPassageComesWithItsEpisodePodcastAndStartTime() {
        Podcast show = podcast(1, "Bits of History", "en", false);
        catalogue.with(show);
        Episode engine = episode(11, 1, "The Analytical Engine", "Babbage", 600, null);
        catalogue.with(engine);
        indexed(show, engine, new Passage(21, 11, 0, 0, 30, "Ada", "Welcome to the show"), 0, 1, 0);
        indexed(show, engine, new Passage(22, 11, 1, 754, 780.5, "Charles", "The engine reads punched cards"), 1, 0, 0);

        List<Hit> hits = find("punched cards", Set.of(ItemKind.PASSAGE), VectorFilter.ALL, 1);

        assertThat(hits).hasSize(1);
        Hit hit = hits.get(0);
        assertThat(hit.passage().start()).isEqualTo(754.0);
        assertThat(hit.passage().end()).isEqualTo(780.5);
        assertThat(hit.passage().speaker()).isEqualTo("Charles");
        assertThat(hit.episode().title()).isEqualTo("The Analytical Engine");
        assertThat(hit.podcast().title()).isEqualTo("Bits of History");
    }

    @Test
    void filtersApplyToBothRankings() {
        Podcast history = podcast(1, "Old Wars", "en-US", false, "History");
        Podcast comedy = podcast(2, "Rude Jokes", "en", true, "Comedy");
        Podcast german = podcast(3, "Alte Kriege", "de", false, "History");
        catalogue.with(history, comedy, german);
        Instant june = Instant.parse("2024-06-01T00:00:00Z");
        indexed(history, episode(11, 1, "Short war", "war story", 20 * 60, june.minusSeconds(86_400)), 1, 0, 0);
        indexed(history, episode(12, 1, "Long war", "war story", 90 * 60, june.plusSeconds(86_400)), 1, 0, 0);
        indexed(comedy, episode(21, 2, "War jokes", "war story", 30 * 60, june.plusSeconds(86_400)), 1, 0, 0);
        indexed(german, episode(31, 3, "Krieg", "war story", 30 * 60, june.plusSeconds(86_400)), 1, 0, 0);
        indexed(history, 1, 0, 0);
        embedder.with("war", 1, 0, 0);

        for (Ranking ranking : Ranking.values()) {
            Query all = new Query("war story", Set.of(ItemKind.EPISODE), VectorFilter.ALL, 20, ranking);
            assertThat(titles(search.search(all))).as(ranking.name())
                    .containsExactlyInAnyOrder("Short war", "Long war", "War jokes", "Krieg");
            assertThat(titles(search.search(withFilter(all, VectorFilter.ALL.withCategories(Set.of("History"))))))
                    .as(ranking.name()).containsExactlyInAnyOrder("Short war", "Long war", "Krieg");
            assertThat(titles(search.search(withFilter(all, VectorFilter.ALL.withExplicit(false)))))
                    .as(ranking.name()).containsExactlyInAnyOrder("Short war", "Long war", "Krieg");
            assertThat(titles(search.search(withFilter(all, VectorFilter.ALL.withDuration(25 * 60, 60 * 60)))))
                    .as(ranking.name()).containsExactlyInAnyOrder("War jokes", "Krieg");
            assertThat(titles(search.search(withFilter(all, VectorFilter.ALL.withPublishedAfter(june)))))
                    .as(ranking.name()).containsExactlyInAnyOrder("Long war", "War jokes", "Krieg");
            // The language picks a segment by primary subtag: "en" finds the en-US show too.
            assertThat(titles(search.search(withFilter(all, VectorFilter.ALL.withLanguage("en")))))
                    .as(ranking.name()).containsExactlyInAnyOrder("Short war", "Long war", "War jokes");
            assertThat(titles(search.search(withFilter(all, VectorFilter.ALL.withLanguage("de-AT")))))
                    .as(ranking.name()).containsExactly("Krieg");
        }
        // Podcasts have no duration: a duration filter leaves them out.
        assertThat(find("war", Set.of(ItemKind.PODCAST), VectorFilter.ALL, 5)).hasSize(1);
        assertThat(find("war", Set.of(ItemKind.PODCAST), VectorFilter.ALL.withDuration(0, null), 5)).isEmpty();
    }

    static Query withFilter(Query query, VectorFilter filter) {
        return new Query(query.text(), query.kinds(), filter, query.limit(), query.ranking());
    }

    @Test
    void theLimitCutsTheFusedRanking() {
        Podcast show = podcast(1, "Show", "en", false);
        catalogue.with(show);
        embedder.with("topic", 1, 0, 0);
        for (int i = 0; i < 8; i++) {
            // Semantic order: Episode 0 to Episode 7; only the last holds the query's word.
            indexed(show, episode(10 + i, 1, "Episode " + i, i == 7 ? "topic" : "other", 600, null), 1, 0.1f * i, 0);
        }
        assertThat(titles(find("topic", null, VectorFilter.ALL, 3))).containsExactly("Episode 7", "Episode 0", "Episode 1");
    }

    @Test
    void itemsDeletedSinceIndexingAreLeftOut() {
        Podcast show = podcast(1, "Show", "en", false);
        catalogue.with(show);
        Episode kept = episode(11, 1, "Kept", "topic", 600, null);
        indexed(show, kept, 1, 0, 0);
        Episode gone = episode(12, 1, "Gone", "topic", 600, null);
        index.write(List.of(IndexDocuments.of(show, gone)));
        IndexDocument orphan = IndexDocuments.of(show, kept, new Passage(99, 11, 0, 0, 1, null, "topic"));
        index.write(List.of(orphan));

        assertThat(titles(find("topic", null, VectorFilter.ALL, 10))).containsExactly("Kept");
    }

    @Test
    void segmentsAreMergedByFusedScoreAndTiesByCosine() {
        Podcast english = podcast(1, "English", "en", false);
        Podcast german = podcast(2, "Deutsch", "de", false);
        catalogue.with(english, german);
        embedder.with("query", 1, 0, 0);
        // Each segment's first ties at 1 / (k + 1); the closer one by cosine comes first.
        indexed(german, episode(21, 2, "Erste", "x", 600, null), 1, 1, 0);
        indexed(english, episode(11, 1, "First", "x", 600, null), 1, 0.1f, 0);
        indexed(english, episode(12, 1, "Second", "x", 600, null), 0, 1, 0);

        assertThat(titles(search.search(Query.of("query", null, VectorFilter.ALL, 10).ranked(Ranking.SEMANTIC))))
                .containsExactly("First", "Erste", "Second");
    }

    @Test
    void inASegmentThatHoldsNoWordOfTheQueryAMatchOnMeaningAloneIsLeftOut() {
        InMemoryVectorStore store = new InMemoryVectorStore();
        SegmentedIndex twoLanguages = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
        // Every cosine clears the semantic bar; words must cover half the query.
        CatalogueSearch floored = new CatalogueSearch(catalogue, twoLanguages, new CatalogueSearch.Relevance(0, 0.5));
        Podcast lincoln = podcast(1, "Lincoln and his war", "en", false);
        Podcast news = podcast(2, "Nachrichten aus Berlin", "de", false);
        embedder.with("lincoln", 1, 0, 0).with("nachrichten", 1, 0, 0).with(lincoln.title(), 1, 0.2f, 0)
                .with(news.title(), 1, 0.1f, 0);
        catalogue.with(lincoln, news);
        twoLanguages.write(List.of(IndexDocuments.of(lincoln), IndexDocuments.of(news)));

        assertThat(titles(floored.search(Query.of("lincoln", Set.of(ItemKind.PODCAST), VectorFilter.ALL, 10))))
                .as("the German segment holds no word of an English query").containsExactly("Lincoln and his war");
        assertThat(titles(floored.search(Query.of("nachrichten", Set.of(ItemKind.PODCAST), VectorFilter.ALL, 10))))
                .as("the English segment holds no word of this one").containsExactly("Nachrichten aus Berlin");

        store.keywordSearch = false; // as on Qdrant: no words to tell, so meaning is all there is
        assertThat(titles(floored.search(Query.of("lincoln", Set.of(ItemKind.PODCAST), VectorFilter.ALL, 10))))
                .containsExactlyInAnyOrder("Lincoln and his war", "Nachrichten aus Berlin");
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(find("anything", null, VectorFilter.ALL, 10)).isEmpty();
        assertThat(find("anything", null, VectorFilter.ALL.withLanguage("fr"), 10)).isEmpty();
    }

    @Test
    void aQueryNeedsTextAndSearchableKinds() {
        assertThatThrownBy(() -> Query.of(" ", null, null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.of("x", Set.of(ItemKind.USER), null, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.of("x", null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Query.of("x", null, null, 1).kinds()).isEqualTo(CatalogueSearch.SEARCHABLE);
    }
}

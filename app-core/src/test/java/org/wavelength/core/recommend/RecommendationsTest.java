package org.wavelength.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeRecommendation;
import org.wavelength.core.domain.Interaction.Type;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexDocuments;
import org.wavelength.core.index.IndexFixtures;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryListeners;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;

/**
 * The strategies, the blend, reasons, cold start and real-time updates over a small catalogue whose
 * vectors are chosen by hand: four topics on four axes (astronomy, cooking, football, music).
 */
class RecommendationsTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    /** For candidates whose reason the test does not look at. */
    static final long ANNA = 1, BEN = 2, CLEO = 3, DAN = 4;

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue();
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder("table", 4);
    InMemoryVectorStore store = new InMemoryVectorStore();
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(embedder));
    InMemoryListeners listeners = new InMemoryListeners();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    UserProfiles profiles = new UserProfiles(index, listeners, listeners, catalogue, clock);
    Recommendations recommendations = new Recommendations(index, profiles, catalogue, listeners,
            Recommendations.Settings.defaults(), clock);
    Map<Long, Episode> episodes = new HashMap<>();
    Instant lastAction = NOW.minus(Duration.ofHours(2));

    Podcast starTalk = podcast(1, "Star Talk", false, "Science");
    Podcast kitchenLab = podcast(2, "Kitchen Lab", false, "Food");
    Podcast matchDay = podcast(3, "Match Day", true, "Sports");
    Podcast deepSpace = podcast(4, "Deep Space", false, "Science");
    Podcast breadClub = podcast(5, "Bread Club", false, "Food");

    @BeforeEach
    void catalogue() {
        embedder.with("football", 0, 0, 1, 0).with("cooking", 0, 1, 0, 0).with("the night sky", 1, 0, 0, 0);
        show(starTalk, 1, 0, 0, 0,
                episode(11, 1, "Comets explained", 40, 1, 0.1f, 0, 0),
                episode(12, 1, "Black holes", 20, 1, 0, 0.1f, 0),
                episode(13, 1, "Mars rovers", 60, 0.9f, 0.1f, 0, 0.1f));
        show(deepSpace, 0.9f, 0, 0, 0.1f,
                episode(41, 4, "Telescopes at home", 10, 1, 0, 0, 0.2f),
                episode(42, 4, "Nebulae", 5, 0.95f, 0.05f, 0, 0),
                episode(43, 4, "Dark matter", 2, 0.97f, 0, 0.05f, 0.05f));
        show(kitchenLab, 0, 1, 0, 0,
                episode(21, 2, "Knife skills", 30, 0, 1, 0, 0),
                episode(22, 2, "Sauces", 25, 0.1f, 1, 0, 0),
                episode(23, 2, "Stocks and soups", 3, 0, 1, 0.05f, 0.05f));
        show(breadClub, 0, 0.9f, 0.1f, 0,
                episode(51, 5, "Sourdough", 15, 0, 1, 0.1f, 0));
        show(matchDay, 0, 0, 1, 0,
                episode(31, 3, "Derby recap", 1, 0, 0, 1, 0),
                episode(32, 3, "Transfer news", 7, 0, 0.1f, 1, 0));
    }

    // --- Strategy 1: profile ------------------------------------------------------------------

    @Test
    void theProfileFollowsWhatWasLikedAndSaysWhich() {
        act(ANNA, Type.LIKE, 11);

        List<EpisodeRecommendation> result = recommend(ANNA, Strategy.PROFILE, 4);

        assertThat(ids(result)).containsExactly(42L, 13L, 43L, 12L); // by cosine to Comets explained, computed by hand
        assertThat(result).allSatisfy(r -> {
            assertThat(r.reason().text()).isEqualTo("Because you liked Comets explained");
            assertThat(r.strategy()).isEqualTo(Strategy.PROFILE);
        });
    }

    @Test
    void anInteractionChangesTheVeryNextRecommendation() {
        act(ANNA, Type.LIKE, 11);
        assertThat(ids(recommend(ANNA, Strategy.PROFILE, 3))).allMatch(this::astronomy);

        act(ANNA, Type.LIKE, 21);
        act(ANNA, Type.COMPLETE, 22);
        act(ANNA, Type.DISLIKE, 11);

        List<EpisodeRecommendation> next = recommend(ANNA, Strategy.PROFILE, 2); // the two cooking episodes left
        assertThat(ids(next)).allMatch(this::cooking);
        assertThat(next.get(0).reason().text()).isIn("Because you liked Knife skills", "Because you listened to Sauces");
    }

    @Test
    void aPartialListenCountsByTheShareHeardAndOldSignalsFade() {
        act(ANNA, Type.PROGRESS, 21, 60, NOW.minus(Duration.ofDays(1))); // a minute of an hour: hardly a signal
        act(ANNA, Type.COMPLETE, 11, null, NOW.minus(Duration.ofDays(2)));
        assertThat(astronomy(recommend(ANNA, Strategy.PROFILE, 1).get(0).episode().id())).isTrue();

        act(BEN, Type.LIKE, 11, null, NOW.minus(Duration.ofDays(200))); // long ago
        act(BEN, Type.PLAY, 21, null, NOW.minus(Duration.ofDays(1)));
        assertThat(cooking(recommend(BEN, Strategy.PROFILE, 1).get(0).episode().id())).isTrue();
    }

    @Test
    void heardDislikedAndDismissedNeverComeBack() {
        act(ANNA, Type.LIKE, 11);
        act(ANNA, Type.PLAY, 12);
        act(ANNA, Type.DISLIKE, 42);
        actOnPodcast(ANNA, Type.NOT_INTERESTED, 4);

        List<EpisodeRecommendation> all = recommend(ANNA, Strategy.PROFILE, 20);

        assertThat(ids(all)).doesNotContain(11L, 12L, 42L, 41L, 43L).contains(13L);
    }

    @Test
    void aDislikePullsAwayFromItsNeighbourhood() {
        act(ANNA, Type.LIKE, 11);
        act(ANNA, Type.LIKE, 21);
        List<Long> before = ids(recommend(ANNA, Strategy.PROFILE, 20));
        assertThat(before.indexOf(22L)).isLessThan(before.indexOf(13L)); // Sauces leans a little to astronomy

        act(ANNA, Type.DISLIKE, 51); // a cooking episode

        List<Long> after = ids(recommend(ANNA, Strategy.PROFILE, 20));
        assertThat(after).contains(13L);
        int sauces = after.indexOf(22L);
        assertThat(sauces == -1 || sauces > after.indexOf(13L)).as("Sauces falls behind Mars rovers, or out: " + after).isTrue();
    }

    @Test
    void explicitEpisodesAreLeftOutForAListenerWhoSaidNo() {
        listeners.save(ANNA, new Preferences(Set.of(), false, "football"));
        assertThat(recommend(ANNA, Strategy.PROFILE, 20)).noneMatch(r -> r.podcast().explicit()).isNotEmpty();

        listeners.save(ANNA, new Preferences(Set.of(), true, "football"));
        assertThat(ids(recommend(ANNA, Strategy.PROFILE, 2))).containsExactly(31L, 32L);
    }

    @Test
    void requestFiltersRestrictCategoryDurationAndDate() {
        act(ANNA, Type.LIKE, 11);
        VectorFilter food = VectorFilter.ALL.withCategories(Set.of("Food"));
        assertThat(recommend(ANNA, Strategy.BLEND, 10, food)).isNotEmpty()
                .allMatch(r -> r.podcast().categories().contains("Food"));

        VectorFilter recent = VectorFilter.ALL.withPublishedAfter(NOW.minus(Duration.ofDays(8)));
        assertThat(recommend(ANNA, Strategy.BLEND, 10, recent)).isNotEmpty()
                .allMatch(r -> r.episode().publishedAt().isAfter(NOW.minus(Duration.ofDays(8))));

        VectorFilter short_ = VectorFilter.ALL.withDuration(null, 1200);
        assertThat(recommend(ANNA, Strategy.BLEND, 10, short_)).isNotEmpty()
                .allMatch(r -> r.episode().durationSeconds() <= 1200);
    }

    @Test
    void anEpisodeWithAPersonOfALikedEpisodeOfAnotherShowSaysSo() {
        catalogue.credit(11, 7, "Vera Rubin", "guest").credit(11, 8, "Neil Host", "host")
                .credit(42, 7, "Vera Rubin", "guest") // another show: named
                .credit(12, 8, "Neil Host", "host"); // the same show's host: not named
        act(ANNA, Type.LIKE, 11);
        act(BEN, Type.COMPLETE, 11);

        List<EpisodeRecommendation> liked = recommend(ANNA, Strategy.PROFILE, 4);
        assertThat(liked).filteredOn(r -> r.episode().id() == 42).singleElement()
                .satisfies(r -> assertThat(r.reason().text()).isEqualTo("More with Vera Rubin"));
        assertThat(liked).filteredOn(r -> r.episode().id() != 42)
                .allSatisfy(r -> assertThat(r.reason().text()).isEqualTo("Because you liked Comets explained"));
        assertThat(recommend(BEN, Strategy.PROFILE, 4)).as("heard, not liked")
                .allSatisfy(r -> assertThat(r.reason().text()).doesNotStartWith("More with"));
    }

    // --- Strategy 2: recent items -------------------------------------------------------------

    @Test
    void recentItemsBringTwoNeighboursEachNamingTheirSeed() {
        act(ANNA, Type.COMPLETE, 11);
        act(ANNA, Type.LIKE, 21);

        List<EpisodeRecommendation> result = recommend(ANNA, Strategy.RECENT, 20);

        assertThat(result).hasSize(4).allMatch(r -> r.strategy() == Strategy.RECENT);
        assertThat(result).filteredOn(r -> cooking(r.episode().id()))
                .hasSize(2).allMatch(r -> r.reason().text().equals("Because you liked Knife skills"));
        assertThat(result).filteredOn(r -> astronomy(r.episode().id()))
                .hasSize(2).allMatch(r -> r.reason().text().equals("Because you listened to Comets explained"));
    }

    // --- Strategy 3: similar listeners --------------------------------------------------------

    @Test
    void listenersWithTheSameTasteShareWhatTheyEnjoyed() {
        act(BEN, Type.LIKE, 11);
        act(BEN, Type.LIKE, 12);
        act(BEN, Type.COMPLETE, 23); // Ben also enjoyed a cooking episode
        act(CLEO, Type.LIKE, 31);
        act(CLEO, Type.LIKE, 32);
        act(ANNA, Type.LIKE, 11);
        act(ANNA, Type.LIKE, 12);
        List.of(ANNA, BEN, CLEO).forEach(profiles::refresh);

        List<EpisodeRecommendation> result = recommend(ANNA, Strategy.SIMILAR_USERS, 20);

        assertThat(result.get(0).episode().id()).isEqualTo(23L); // Ben's, and Ben is closest to Anna
        assertThat(ids(result)).doesNotContain(11L, 12L);
        assertThat(result).allMatch(r -> r.reason().text().equals("Listeners with your taste enjoyed this"));
    }

    @Test
    void similarListenersAreFoundThroughTheIndexWhichRefreshUpdates() {
        act(BEN, Type.LIKE, 21);
        act(BEN, Type.LIKE, 13);
        act(ANNA, Type.LIKE, 22);
        assertThat(recommend(ANNA, Strategy.SIMILAR_USERS, 5)).as("Ben has no vector in the index yet").isEmpty();

        profiles.refresh(BEN);

        assertThat(ids(recommend(ANNA, Strategy.SIMILAR_USERS, 5))).containsExactlyInAnyOrder(21L, 13L);
        assertThat(store.vectorOf(org.wavelength.core.domain.Segments.alias("en"), PointIds.of(ItemKind.USER, BEN))).isPresent();
    }

    // --- Cold start -----------------------------------------------------------------------------

    @Test
    void withoutHistoryTheInterestsLeadAndAreNamed() {
        listeners.save(DAN, new Preferences(Set.of(), true, "football, cooking"));

        List<EpisodeRecommendation> result = recommend(DAN, Strategy.BLEND, 5);

        assertThat(result).isNotEmpty();
        assertThat(result).filteredOn(r -> r.podcast().id() == 3)
                .isNotEmpty().allMatch(r -> r.reason().text().equals("Matches your interest in football"));
        assertThat(result).filteredOn(r -> cooking(r.episode().id()))
                .isNotEmpty().allMatch(r -> r.reason().text().equals("Matches your interest in cooking"));
        assertThat(ids(result)).noneMatch(this::astronomy);
    }

    @Test
    void knowingNothingGivesPopularAndNewEpisodes() {
        act(BEN, Type.PLAY, 41);
        act(CLEO, Type.COMPLETE, 41);
        act(CLEO, Type.PLAY, 12);

        List<EpisodeRecommendation> result = recommend(DAN, Strategy.BLEND, 4);

        assertThat(result.get(0).episode().id()).isEqualTo(41L);
        assertThat(result.get(0).reason().text()).isEqualTo("Popular with listeners this month");
        assertThat(result).extracting(EpisodeRecommendation::strategy).contains(Strategy.POPULAR, Strategy.NEW);
        assertThat(result).filteredOn(r -> r.strategy() == Strategy.NEW)
                .allMatch(r -> r.episode().publishedAt().isAfter(NOW.minus(Duration.ofDays(4))));
    }

    // --- The blend ------------------------------------------------------------------------------

    @Test
    void theBlendMixesStrategiesOncePerEpisodeAndAFewPerPodcast() {
        act(BEN, Type.LIKE, 11);
        act(BEN, Type.COMPLETE, 22);
        act(ANNA, Type.LIKE, 11);
        act(ANNA, Type.COMPLETE, 12);
        actOnPodcast(ANNA, Type.SUBSCRIBE, 2);
        List.of(ANNA, BEN).forEach(profiles::refresh);

        List<EpisodeRecommendation> result = recommend(ANNA, Strategy.BLEND, 8);

        assertThat(ids(result)).doesNotHaveDuplicates().doesNotContain(11L, 12L);
        assertThat(result.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.podcast().id(),
                java.util.stream.Collectors.counting()))).allSatisfy((podcast, count) -> assertThat(count).isLessThanOrEqualTo(2));
        assertThat(result).extracting(EpisodeRecommendation::strategy).contains(Strategy.FOLLOWING);
        assertThat(result).filteredOn(r -> r.strategy() == Strategy.FOLLOWING)
                .allMatch(r -> r.reason().text().equals("New from Kitchen Lab, which you follow"));
    }

    // --- Rebuilds ------------------------------------------------------------------------------

    @Test
    void aRebuildRecomputesListenerVectorsInTheNewCollection() {
        act(ANNA, Type.LIKE, 21);
        String target = "wavelength_en_table_v2";
        store.createCollection(target, 4);
        catalogue.episodes.values().forEach(e -> store.upsert(target, List.of(IndexDocuments.of(catalogue.podcasts.get(e.podcastId()), e)
                .withVector(new float[] {0, 0, 0, e.id() == 21 ? 1 : 0.5f}))));

        profiles.rebuild("en", index.space(target));

        assertThat(store.vectorOf(target, PointIds.of(ItemKind.USER, ANNA))).hasValueSatisfying(v ->
                assertThat(v).containsExactly(0, 0, 0, 1));
    }

    // --- Helpers -------------------------------------------------------------------------------

    List<EpisodeRecommendation> recommend(long user, Strategy strategy, int limit) {
        return recommend(user, strategy, limit, VectorFilter.ALL);
    }

    List<EpisodeRecommendation> recommend(long user, Strategy strategy, int limit, VectorFilter filter) {
        return recommendations.recommend(new Recommendations.Request(user, strategy, limit, filter));
    }

    static List<Long> ids(List<EpisodeRecommendation> result) {
        return result.stream().map(r -> r.episode().id()).toList();
    }

    boolean astronomy(long episodeId) {
        long podcast = episodes.get(episodeId).podcastId();
        return podcast == 1 || podcast == 4;
    }

    boolean cooking(long episodeId) {
        long podcast = episodes.get(episodeId).podcastId();
        return podcast == 2 || podcast == 5;
    }

    void act(long user, Type type, long episodeId) {
        lastAction = lastAction.plusSeconds(60);
        act(user, type, episodeId, null, lastAction);
    }

    void act(long user, Type type, long episodeId, Integer position, Instant at) {
        listeners.record(new Interaction(user, episodes.get(episodeId).podcastId(), episodeId, type, position, at));
    }

    void actOnPodcast(long user, Type type, long podcastId) {
        lastAction = lastAction.plusSeconds(60);
        listeners.record(new Interaction(user, podcastId, null, type, null, lastAction));
    }

    static Podcast podcast(long id, String title, boolean explicit, String category) {
        return new Podcast(id, id, "https://example.com/" + id, title, "Author " + id, "About " + title, "en",
                List.of(category), null, null, explicit, 3);
    }

    record Shown(Episode episode, float[] vector) {
    }

    Shown episode(long id, long podcastId, String title, int daysAgo, float... vector) {
        Episode episode = new Episode(id, podcastId, "guid-" + id, title, "Notes", "https://example.com/" + id + ".mp3",
                NOW.minus(Duration.ofDays(daysAgo)), 600 + (int) id * 20, null, null, null, null, null, null);
        return new Shown(episode, vector);
    }

    void show(Podcast podcast, float a, float b, float c, float d, Shown... shown) {
        embedder.with(podcast.title(), a, b, c, d);
        List<Episode> list = new ArrayList<>();
        for (Shown s : shown) {
            embedder.with(s.episode().title(), s.vector());
            episodes.put(s.episode().id(), s.episode());
            catalogue.with(s.episode());
            list.add(s.episode());
        }
        catalogue.with(podcast);
        new CatalogueIndexer(IndexFixtures.realtime(index)).index(new StoredFeed(podcast, list));
    }
}

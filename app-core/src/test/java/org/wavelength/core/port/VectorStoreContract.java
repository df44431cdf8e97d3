package org.wavelength.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Vectors;

/**
 * What every {@link VectorStore} adapter must do, with the same expected ids, order and scores for
 * all of them. An adapter's test extends this class and supplies the store and whether it supports
 * keyword search.
 *
 * <p>The vectors are hand-made, {@value #DIMENSION}-dimensional and chosen so that every expected
 * ranking is unambiguous (no two candidates within 0.01 cosine of each other). Collections are
 * never shared between tests, so a store may be shared by the whole class (a container, say).
 * Entity ids are unique across kinds within a test, so results are asserted by entity id.
 *
 * <p>Semantics fixed here beyond the port's javadoc: {@code publishedAfter} is inclusive; a point
 * without a duration or publication date fails a duration or publication filter; with
 * {@code maxPerPodcast} the hits come in score order (not group by group); scores are cosine
 * similarities even for vectors that are not unit length.
 */
public abstract class VectorStoreContract {

    protected static final int DIMENSION = 4;
    protected static final float[] X = {1, 0, 0, 0};
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The store under test. */
    protected abstract VectorStore store();

    /**
     * A collection (or alias) name never used before in this JVM, and so by this store, even one a
     * whole class shares (a container, say).
     */
    protected String newCollectionName() {
        return "contract_" + NAMES.incrementAndGet();
    }

    /** Whether {@link VectorStore#keyword} runs BM25; stores without it must return an empty list. */
    protected abstract boolean supportsKeyword();

    /** Creates a fresh, empty collection of {@value #DIMENSION} dimensions. */
    protected String freshCollection() {
        String name = newCollectionName();
        store().createCollection(name, DIMENSION);
        return name;
    }

    // ------------------------------------------------------------------ points

    /** A builder of test points; the default payload is English, no category, not explicit, no text. */
    protected static final class P {
        private final ItemKind kind;
        private final long entityId;
        private Long podcastId;
        private Long episodeId;
        private String language = "en";
        private List<String> categories = List.of();
        private boolean explicit;
        private Integer duration;
        private Instant published;
        private Double start;
        private Double end;
        private String text;
        private float[] vector;

        private P(ItemKind kind, long entityId) {
            this.kind = kind;
            this.entityId = entityId;
        }

        public P podcast(long id) {
            podcastId = id;
            return this;
        }

        public P episode(long id) {
            episodeId = id;
            return this;
        }

        public P language(String value) {
            language = value;
            return this;
        }

        public P categories(String... values) {
            categories = List.of(values);
            return this;
        }

        public P explicit() {
            explicit = true;
            return this;
        }

        public P duration(int seconds) {
            duration = seconds;
            return this;
        }

        public P published(String instant) {
            published = Instant.parse(instant);
            return this;
        }

        public P span(double from, double to) {
            start = from;
            end = to;
            return this;
        }

        public P text(String value) {
            text = value;
            return this;
        }

        public P vector(float... value) {
            vector = value;
            return this;
        }

        /** A unit vector whose cosine to {@link #X} is {@code cosine}. */
        public P cosineToX(double cosine) {
            vector = new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine), 0, 0};
            return this;
        }

        public VectorPoint build() {
            PointPayload payload = new PointPayload(kind, entityId, podcastId, episodeId, language, categories,
                    explicit, duration, published, start, end);
            return new VectorPoint(payload.pointId(), payload, text, vector);
        }
    }

    protected static P podcast(long id) {
        return new P(ItemKind.PODCAST, id).podcast(id);
    }

    protected static P episode(long id, long podcastId) {
        return new P(ItemKind.EPISODE, id).podcast(podcastId);
    }

    protected static P passage(long id, long podcastId, long episodeId) {
        return new P(ItemKind.PASSAGE, id).podcast(podcastId).episode(episodeId);
    }

    /** A listener's profile point: it belongs to no podcast. */
    protected static P user(long id) {
        return new P(ItemKind.USER, id);
    }

    protected static String id(ItemKind kind, long entityId) {
        return PointIds.of(kind, entityId);
    }

    protected void upsert(String collection, P... points) {
        List<VectorPoint> list = new ArrayList<>();
        for (P p : points) {
            list.add(p.build());
        }
        store().upsert(collection, list);
    }

    protected static List<Long> entityIds(List<VectorHit> hits) {
        return hits.stream().map(VectorHit::entityId).toList();
    }

    protected List<Long> search(String collection, float[] vector, VectorFilter filter, int limit) {
        return entityIds(store().search(collection, VectorQuery.of(vector, filter, limit)));
    }

    // ------------------------------------------------------------------ collections

    @Test
    void createsListsAndDropsCollections() {
        String name = freshCollection();
        assertThat(store().collections()).contains(name);

        upsert(name, podcast(1).vector(1, 0, 0, 0));
        store().createCollection(name, DIMENSION); // exists: nothing happens
        assertThat(store().count(name, VectorFilter.ALL)).isEqualTo(1);

        store().dropCollection(name);
        assertThat(store().collections()).doesNotContain(name);
    }

    @Test
    void aNewCollectionIsEmpty() {
        String name = freshCollection();
        assertThat(store().count(name, VectorFilter.ALL)).isZero();
        assertThat(store().search(name, VectorQuery.of(X, VectorFilter.ALL, 5))).isEmpty();
    }

    @Test
    void droppingAMissingCollectionDoesNothing() {
        String name = newCollectionName();

        store().dropCollection(name);

        assertThat(store().collections()).doesNotContain(name);
    }

    @Test
    void aDroppedCollectionCanBeCreatedAgainEmptyWithAnotherDimension() {
        String name = freshCollection();
        upsert(name, podcast(1).vector(1, 0, 0, 0));
        store().dropCollection(name);

        store().createCollection(name, 2);

        assertThat(store().count(name, VectorFilter.ALL)).isZero();
        upsert(name, podcast(2).vector(0, 1));
        assertThat(search(name, new float[] {0, 1}, VectorFilter.ALL, 5)).containsExactly(2L);
    }

    @Test
    void anExistingCollectionOfAnotherDimensionIsRejected() {
        String name = freshCollection();

        assertThatThrownBy(() -> store().createCollection(name, DIMENSION * 2)).hasMessageContaining(name)
                .hasMessageContaining(String.valueOf(DIMENSION * 2));
    }

    @Test
    void vectorsOfAnotherDimensionAreRejected() {
        String c = freshCollection();
        upsert(c, podcast(1).vector(1, 0, 0, 0));

        assertThatThrownBy(() -> upsert(c, podcast(2).vector(1, 0))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store().search(c, VectorQuery.of(new float[] {1, 0}, VectorFilter.ALL, 5)))
                .isInstanceOf(RuntimeException.class);
        assertThat(store().count(c, VectorFilter.ALL)).isEqualTo(1);
    }

    @Test
    void readsOfAnUnknownCollectionFailClearly() {
        String missing = newCollectionName();

        assertThatThrownBy(() -> store().search(missing, VectorQuery.of(X, VectorFilter.ALL, 5)))
                .hasMessageContaining(missing);
        assertThatThrownBy(() -> store().count(missing, VectorFilter.ALL)).hasMessageContaining(missing);
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchRanksByCosineAndReportsCosine() {
        String c = freshCollection();
        upsert(c,
                podcast(4).vector(0, 0, 0, 3),          // cos 0
                podcast(2).vector(1.6f, 1.2f, 0, 0),    // cos 0.8, not unit length
                podcast(5).vector(-2, 0, 0, 0),         // cos -1
                podcast(1).vector(5, 0, 0, 0),          // cos 1, not unit length
                podcast(3).vector(0.6f, 0, 0.8f, 0));   // cos 0.6

        List<VectorHit> hits = store().search(c, VectorQuery.of(X, VectorFilter.ALL, 10));

        assertThat(entityIds(hits)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(hits).extracting(VectorHit::score).satisfiesExactly(
                s -> assertThat(s).isCloseTo(1.0, within(1e-4)),
                s -> assertThat(s).isCloseTo(0.8, within(1e-4)),
                s -> assertThat(s).isCloseTo(0.6, within(1e-4)),
                s -> assertThat(s).isCloseTo(0.0, within(1e-4)),
                s -> assertThat(s).isCloseTo(-1.0, within(1e-4)));
        assertThat(search(c, X, VectorFilter.ALL, 2)).containsExactly(1L, 2L);
    }

    @Test
    void hitsCarryTheirPayload() {
        String c = freshCollection();
        upsert(c, passage(100, 7, 70).span(12.5, 42.0).cosineToX(0.9), podcast(7).cosineToX(0.8));

        List<VectorHit> hits = store().search(c, VectorQuery.of(X, VectorFilter.ALL, 2));

        assertThat(hits).hasSize(2);
        VectorHit passage = hits.get(0);
        assertThat(passage.id()).isEqualTo(id(ItemKind.PASSAGE, 100));
        assertThat(passage.kind()).isEqualTo(ItemKind.PASSAGE);
        assertThat(passage.entityId()).isEqualTo(100L);
        assertThat(passage.podcastId()).isEqualTo(7L);
        assertThat(passage.episodeId()).isEqualTo(70L);
        assertThat(passage.start()).isEqualTo(12.5);
        assertThat(passage.end()).isEqualTo(42.0);
        VectorHit podcast = hits.get(1);
        assertThat(podcast.id()).isEqualTo(id(ItemKind.PODCAST, 7));
        assertThat(podcast.kind()).isEqualTo(ItemKind.PODCAST);
        assertThat(podcast.podcastId()).isEqualTo(7L);
        assertThat(podcast.episodeId()).isNull();
        assertThat(podcast.start()).isNull();
        assertThat(podcast.end()).isNull();
    }

    @Test
    void upsertingTheSameIdReplacesThePoint() {
        String c = freshCollection();
        upsert(c, podcast(1).language("en").vector(1, 0, 0, 0), podcast(2).vector(0, 1, 0, 0));
        upsert(c, podcast(1).language("de").vector(0, 0, 1, 0));

        assertThat(store().count(c, VectorFilter.ALL)).isEqualTo(2);
        assertThat(store().count(c, VectorFilter.ALL.withLanguage("en"))).isEqualTo(1);
        assertThat(search(c, new float[] {0, 0, 1, 0}, VectorFilter.ALL.withLanguage("de"), 5)).containsExactly(1L);
        assertThat(store().vectorOf(c, id(ItemKind.PODCAST, 1)))
                .hasValueSatisfying(v -> assertThat(Vectors.cosine(v, new float[] {0, 0, 1, 0}))
                        .isCloseTo(1.0, within(1e-5)));
    }

    @Test
    void deletesPoints() {
        String c = freshCollection();
        upsert(c, podcast(1).cosineToX(0.9), podcast(2).cosineToX(0.8), podcast(3).cosineToX(0.7));

        store().delete(c, List.of(id(ItemKind.PODCAST, 2), id(ItemKind.PODCAST, 99)));

        assertThat(store().count(c, VectorFilter.ALL)).isEqualTo(2);
        assertThat(search(c, X, VectorFilter.ALL, 5)).containsExactly(1L, 3L);
        assertThat(store().vectorOf(c, id(ItemKind.PODCAST, 2))).isEmpty();
    }

    @Test
    void vectorOfKeepsTheDirection() {
        String c = freshCollection();
        upsert(c, podcast(1).vector(3, 4, 0, 0));

        assertThat(store().vectorOf(c, id(ItemKind.PODCAST, 1))).hasValueSatisfying(v -> {
            assertThat(v).hasSize(DIMENSION);
            assertThat(Vectors.cosine(v, new float[] {0.6f, 0.8f, 0, 0})).isCloseTo(1.0, within(1e-5));
        });
        assertThat(store().vectorOf(c, id(ItemKind.PODCAST, 2))).isEmpty();
    }

    @Test
    void vectorsReadsThePassingPointsInOneCall() {
        String c = freshCollection();
        upsert(c,
                podcast(1).vector(3, 4, 0, 0),
                episode(10, 1).vector(0, 0, 2, 0),
                episode(11, 1).vector(0, 0, 0, 1),
                episode(20, 2).vector(1, 0, 0, 0),
                podcast(2).vector(0, 1, 0, 0));

        Map<String, float[]> episodes = store().vectors(c, VectorFilter.kind(ItemKind.EPISODE)
                .withPodcasts(Set.of(1L)), 10);
        assertThat(episodes).containsOnlyKeys(id(ItemKind.EPISODE, 10), id(ItemKind.EPISODE, 11));
        assertThat(Vectors.cosine(episodes.get(id(ItemKind.EPISODE, 10)), new float[] {0, 0, 1, 0})).isCloseTo(1.0,
                within(1e-5));

        Map<String, float[]> podcasts = store().vectors(c, VectorFilter.kind(ItemKind.PODCAST)
                .withPodcasts(Set.of(1L, 2L, 99L)), 10);
        assertThat(podcasts).containsOnlyKeys(id(ItemKind.PODCAST, 1), id(ItemKind.PODCAST, 2));
        assertThat(Vectors.cosine(podcasts.get(id(ItemKind.PODCAST, 1)), new float[] {0.6f, 0.8f, 0, 0})).isCloseTo(1.0,
                within(1e-5));

        assertThat(store().vectors(c, VectorFilter.ALL, 3)).hasSize(3);
        assertThat(store().vectors(c, VectorFilter.ALL, 0)).isEmpty();
        store().delete(c, List.of(id(ItemKind.EPISODE, 11)));
        assertThat(store().vectors(c, VectorFilter.kind(ItemKind.EPISODE).withPodcasts(Set.of(1L)), 10))
                .containsOnlyKeys(id(ItemKind.EPISODE, 10));
    }

    @Test
    void aLimitOfZeroOrLessFindsNothing() {
        String c = freshCollection();
        upsert(c, podcast(1).text("rust").vector(1, 0, 0, 0), podcast(2).text("rust").vector(0, 1, 0, 0));

        for (int limit : new int[] {0, -1}) {
            assertThat(store().search(c, VectorQuery.of(X, VectorFilter.ALL, limit))).isEmpty();
            assertThat(store().search(c, VectorQuery.of(X, VectorFilter.ALL, limit).perPodcast(1))).isEmpty();
            assertThat(store().recommend(c, recommend(List.of(id(ItemKind.PODCAST, 1)), null, null, null, limit)))
                    .isEmpty();
            assertThat(store().keyword(c, "rust", VectorFilter.ALL, limit)).isEmpty();
            assertThat(store().vectors(c, VectorFilter.ALL, limit)).isEmpty();
        }
        assertThat(store().search(c, VectorQuery.of(X, VectorFilter.kind(ItemKind.EPISODE), 5).perPodcast(1)))
                .isEmpty();
    }

    // ------------------------------------------------------------------ filters

    /**
     * The catalogue the filter tests search, by cosine to {@link #X}: podcast 1 .99, podcast 2 .97,
     * episode 10 .95, episode 11 .93, episode 20 .91, episode 30 .89, passage 100 .87, podcast 3 .85.
     */
    private String catalogue() {
        String c = freshCollection();
        upsert(c,
                podcast(3).language("fr").categories("History").cosineToX(0.85),
                passage(100, 1, 10).categories("Technology").duration(600).published("2024-03-01T00:00:00Z")
                        .span(0, 30).cosineToX(0.87),
                episode(30, 3).language("fr").categories("History", "News").cosineToX(0.89),
                episode(20, 2).language("de").categories("Comedy").duration(3600).published("2023-01-01T00:00:00Z")
                        .cosineToX(0.91),
                episode(11, 1).categories("Technology").explicit().duration(1800).published("2024-05-01T00:00:00Z")
                        .cosineToX(0.93),
                episode(10, 1).categories("Technology").duration(600).published("2024-03-01T00:00:00Z")
                        .cosineToX(0.95),
                podcast(2).language("de").categories("Comedy").explicit().published("2023-06-01T00:00:00Z")
                        .cosineToX(0.97),
                podcast(1).categories("Technology", "News").published("2024-01-01T00:00:00Z").cosineToX(0.99));
        return c;
    }

    private void assertFilter(String c, VectorFilter filter, Long... expected) {
        assertThat(search(c, X, filter, 20)).as("search with %s", filter).containsExactly(expected);
        assertThat(store().count(c, filter)).as("count with %s", filter).isEqualTo(expected.length);
    }

    @Test
    void noFilterFindsAll() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL, 1L, 2L, 10L, 11L, 20L, 30L, 100L, 3L);
    }

    @Test
    void filtersByKind() {
        String c = catalogue();
        assertFilter(c, VectorFilter.kind(ItemKind.PODCAST), 1L, 2L, 3L);
        assertFilter(c, VectorFilter.kind(ItemKind.EPISODE), 10L, 11L, 20L, 30L);
        assertFilter(c, VectorFilter.kind(ItemKind.PASSAGE), 100L);
        assertFilter(c, VectorFilter.kind(ItemKind.USER));
    }

    @Test
    void filtersByLanguage() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL.withLanguage("de"), 2L, 20L);
        assertFilter(c, VectorFilter.ALL.withLanguage("fr"), 30L, 3L);
    }

    @Test
    void filtersByAnyOfThePodcasts() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL.withPodcasts(Set.of(2L, 3L)), 2L, 20L, 30L, 3L);
        assertFilter(c, VectorFilter.ALL.withPodcasts(Set.of(1L)), 1L, 10L, 11L, 100L);
    }

    @Test
    void filtersByAnyOfTheCategories() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL.withCategories(Set.of("News", "Comedy")), 1L, 2L, 20L, 30L);
        assertFilter(c, VectorFilter.ALL.withCategories(Set.of("History")), 30L, 3L);
    }

    @Test
    void filtersByExplicit() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL.withExplicit(true), 2L, 11L);
        assertFilter(c, VectorFilter.ALL.withExplicit(false), 1L, 10L, 20L, 30L, 100L, 3L);
    }

    @Test
    void filtersByInclusiveDurationBounds() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL.withDuration(600, 1800), 10L, 11L, 100L);
        assertFilter(c, VectorFilter.ALL.withDuration(1800, null), 11L, 20L);
        assertFilter(c, VectorFilter.ALL.withDuration(null, 600), 10L, 100L);
        assertFilter(c, VectorFilter.ALL.withDuration(601, 1799));
    }

    @Test
    void filtersByInclusivePublishedAfter() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL.withPublishedAfter(Instant.parse("2024-03-01T00:00:00Z")), 10L, 11L, 100L);
        assertFilter(c, VectorFilter.ALL.withPublishedAfter(Instant.parse("2023-12-31T00:00:00Z")), 1L, 10L, 11L,
                100L);
        assertFilter(c, VectorFilter.ALL.withPublishedAfter(Instant.parse("2025-01-01T00:00:00Z")));
    }

    @Test
    void excludesIds() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL.excluding(id(ItemKind.PODCAST, 1)).excluding(id(ItemKind.EPISODE, 10)), 2L,
                11L, 20L, 30L, 100L, 3L);
    }

    @Test
    void excludesPodcasts() {
        String c = catalogue();
        assertFilter(c, VectorFilter.ALL.excludingPodcasts(Set.of(1L)), 2L, 20L, 30L, 3L);
        assertFilter(c, VectorFilter.ALL.excludingPodcasts(Set.of(1L, 2L)), 30L, 3L);
    }

    /**
     * What the index's reconciliation with the database reads: the ids of one podcast's points, and of
     * the points of one kind outside a list of podcasts; a listener's point (no podcast) is in neither.
     */
    @Test
    void listsThePointIdsOfAPodcastAndOfTheOnesOutsideAListOfPodcasts() {
        String c = catalogue();
        upsert(c, user(500).cosineToX(0.5));

        VectorFilter ofPodcast1 = VectorFilter.ALL.withPodcasts(Set.of(1L));
        assertThat(store().vectors(c, ofPodcast1, (int) store().count(c, ofPodcast1)).keySet()).containsExactlyInAnyOrder(
                id(ItemKind.PODCAST, 1), id(ItemKind.EPISODE, 10), id(ItemKind.EPISODE, 11), id(ItemKind.PASSAGE, 100));
        VectorFilter episodesOutside = VectorFilter.kind(ItemKind.EPISODE).excludingPodcasts(Set.of(1L, 3L));
        assertThat(store().vectors(c, episodesOutside, 100).keySet()).containsExactly(id(ItemKind.EPISODE, 20));
        assertThat(store().count(c, VectorFilter.ALL.withPodcasts(Set.of(1L, 2L, 3L)))).isEqualTo(8);
    }

    @Test
    void combinesFilters() {
        String c = catalogue();
        assertFilter(c, VectorFilter.kind(ItemKind.EPISODE).withLanguage("en").withExplicit(false), 10L);
        assertFilter(c, VectorFilter.ALL.withCategories(Set.of("Technology")).withDuration(null, 1000)
                .withPublishedAfter(Instant.parse("2024-01-01T00:00:00Z")), 10L, 100L);
    }

    // ------------------------------------------------------------------ at most N per podcast

    @Test
    void capsHitsPerPodcastInScoreOrder() {
        String c = freshCollection();
        upsert(c,
                episode(11, 1).cosineToX(0.99), episode(12, 1).cosineToX(0.96), episode(13, 1).cosineToX(0.93),
                episode(21, 2).cosineToX(0.98), episode(22, 2).cosineToX(0.95),
                episode(31, 3).cosineToX(0.97));

        assertThat(entityIds(store().search(c, VectorQuery.of(X, VectorFilter.ALL, 10).perPodcast(2))))
                .containsExactly(11L, 21L, 31L, 12L, 22L);
        assertThat(entityIds(store().search(c, VectorQuery.of(X, VectorFilter.ALL, 4).perPodcast(2))))
                .containsExactly(11L, 21L, 31L, 12L);
        assertThat(entityIds(store().search(c, VectorQuery.of(X, VectorFilter.ALL, 10).perPodcast(1))))
                .containsExactly(11L, 21L, 31L);
    }

    @Test
    void capsHitsPerPodcastWhenOnePodcastCrowdsTheTop() {
        String c = freshCollection();
        List<VectorPoint> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            points.add(episode(1000 + i, 1).cosineToX(0.99 - i * 0.005).build());
        }
        points.add(episode(2000, 2).cosineToX(0.5).build());
        points.add(episode(3000, 3).cosineToX(0.4).build());
        store().upsert(c, points);

        assertThat(entityIds(store().search(c, VectorQuery.of(X, VectorFilter.ALL, 3).perPodcast(1))))
                .containsExactly(1000L, 2000L, 3000L);
        assertThat(entityIds(store().search(c, VectorQuery.of(X, VectorFilter.ALL, 3).perPodcast(2))))
                .containsExactly(1000L, 1001L, 2000L);
    }

    @Test
    void pointsWithoutAPodcastAreNeverCapped() {
        String c = freshCollection();
        upsert(c, episode(11, 1).cosineToX(0.99), episode(12, 1).cosineToX(0.97), user(50).cosineToX(0.98),
                user(51).cosineToX(0.96));

        assertThat(entityIds(store().search(c, VectorQuery.of(X, VectorFilter.ALL, 10).perPodcast(1))))
                .containsExactly(11L, 50L, 51L);
        assertThat(entityIds(store().search(c, VectorQuery.of(X, VectorFilter.ALL, 2).perPodcast(1))))
                .containsExactly(11L, 50L);
    }

    // ------------------------------------------------------------------ recommend

    /**
     * Examples: podcast 1 at {@link #X}, podcast 2 at (0, 1, 0, 0). Candidates, by cosine to X:
     * 3 (1, .4, 0, 0) .928, 4 (1, -.5, 0, 0) .894, 5 (.1, -1, 0, 0) .0995, 6 (-.1, 0, 1, 0) -.0995;
     * by cosine to 2X - (0, 1, 0, 0): 4 1.0, 1 .894, 3 .664, 5 .534, 6 -.089, 2 -.447.
     */
    private String recommendations() {
        String c = freshCollection();
        upsert(c,
                podcast(1).vector(1, 0, 0, 0), podcast(2).vector(0, 1, 0, 0), podcast(3).vector(1, 0.4f, 0, 0),
                podcast(4).vector(1, -0.5f, 0, 0), podcast(5).vector(0.1f, -1, 0, 0),
                podcast(6).vector(-0.1f, 0, 1, 0));
        return c;
    }

    private static RecommendQuery recommend(List<String> positiveIds, List<float[]> positiveVectors,
            List<String> negativeIds, List<float[]> negativeVectors, int limit) {
        return new RecommendQuery(positiveIds, positiveVectors, negativeIds, negativeVectors, VectorFilter.ALL, limit,
                null);
    }

    @Test
    void recommendsFromPositiveIds() {
        String c = recommendations();

        List<VectorHit> hits = store().recommend(c,
                recommend(List.of(id(ItemKind.PODCAST, 1)), null, null, null, 3));

        assertThat(entityIds(hits)).containsExactly(3L, 4L, 5L);
        assertThat(hits.get(0).score()).isCloseTo(1 / Math.sqrt(1.16), within(1e-4));
    }

    @Test
    void recommendsFromPositiveAndNegativeIds() {
        String c = recommendations();

        List<VectorHit> hits = store().recommend(c,
                recommend(List.of(id(ItemKind.PODCAST, 1)), null, List.of(id(ItemKind.PODCAST, 2)), null, 10));

        assertThat(entityIds(hits)).containsExactly(4L, 3L, 5L, 6L);
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-4));
        assertThat(hits.get(1).score()).isCloseTo(1.6 / Math.sqrt(5 * 1.16), within(1e-4));
    }

    @Test
    void recommendsFromRawVectors() {
        String c = recommendations();

        assertThat(entityIds(store().recommend(c, recommend(null, List.of(X), null, null, 3))))
                .containsExactly(1L, 3L, 4L);
        assertThat(entityIds(store().recommend(c,
                recommend(null, List.of(X), null, List.of(new float[] {0, 1, 0, 0}), 3))))
                .containsExactly(4L, 1L, 3L);
    }

    @Test
    void recommendsFromIdsAndVectorsMixed() {
        String c = recommendations();

        assertThat(entityIds(store().recommend(c,
                recommend(List.of(id(ItemKind.PODCAST, 1)), null, null, List.of(new float[] {0, 1, 0, 0}), 10))))
                .containsExactly(4L, 3L, 5L, 6L, 2L);
    }

    @Test
    void recommendationsNeverReturnTheExamplesAndHonourTheFilter() {
        String c = recommendations();

        List<VectorHit> hits = store().recommend(c, new RecommendQuery(
                List.of(id(ItemKind.PODCAST, 1), id(ItemKind.PODCAST, 3)), null, List.of(id(ItemKind.PODCAST, 2)),
                null, VectorFilter.ALL.excluding(id(ItemKind.PODCAST, 5)), 10, null));

        assertThat(entityIds(hits)).doesNotContain(1L, 2L, 3L, 5L).containsExactly(4L, 6L);
    }

    @Test
    void everyStoredExampleWeighsAsAUnitVector() {
        String c = freshCollection();
        upsert(c, podcast(1).vector(10, 0, 0, 0), podcast(2).vector(0, 1, 0, 0),
                podcast(3).vector(1, 1, 0, 0),    // cos 1 to the mean of the unit examples, .77 to their raw mean
                podcast(4).vector(1, 0, 0, 0));   // cos .71 to the mean of the unit examples, .995 to their raw mean

        List<VectorHit> hits = store().recommend(c,
                recommend(List.of(id(ItemKind.PODCAST, 1), id(ItemKind.PODCAST, 2)), null, null, null, 5));

        assertThat(entityIds(hits)).containsExactly(3L, 4L);
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void recommendCapsHitsPerPodcast() {
        String c = freshCollection();
        upsert(c, episode(1, 9).vector(1, 0, 0, 0),
                episode(11, 1).cosineToX(0.99), episode(12, 1).cosineToX(0.97), episode(21, 2).cosineToX(0.98));

        assertThat(entityIds(store().recommend(c, new RecommendQuery(List.of(id(ItemKind.EPISODE, 1)), null, null,
                null, VectorFilter.ALL, 10, 1)))).containsExactly(11L, 21L);
    }

    // ------------------------------------------------------------------ aliases

    @Test
    void readsThroughAnAlias() {
        String blue = freshCollection();
        upsert(blue, podcast(1).vector(1, 0, 0, 0), podcast(2).vector(0, 1, 0, 0));
        String alias = newCollectionName();

        store().setAlias(alias, blue);

        assertThat(store().resolveAlias(alias)).contains(blue);
        assertThat(store().collections()).contains(blue).doesNotContain(alias);
        assertThat(search(alias, X, VectorFilter.ALL, 5)).containsExactly(1L, 2L);
        assertThat(store().count(alias, VectorFilter.ALL)).isEqualTo(2);
        assertThat(store().vectorOf(alias, id(ItemKind.PODCAST, 2))).isPresent();
        assertThat(entityIds(store().recommend(alias,
                recommend(List.of(id(ItemKind.PODCAST, 1)), null, null, null, 5)))).containsExactly(2L);
    }

    @Test
    void anUnknownAliasResolvesToNothing() {
        assertThat(store().resolveAlias(newCollectionName())).isEmpty();
    }

    @Test
    void switchesAnAliasToAnotherCollection() {
        String blue = freshCollection();
        String green = freshCollection();
        upsert(blue, podcast(1).vector(1, 0, 0, 0));
        upsert(green, podcast(2).vector(1, 0, 0, 0), podcast(3).vector(0, 1, 0, 0));
        String alias = newCollectionName();
        store().setAlias(alias, blue);

        store().setAlias(alias, green);

        assertThat(store().resolveAlias(alias)).contains(green);
        assertThat(search(alias, X, VectorFilter.ALL, 5)).containsExactly(2L, 3L);
        store().dropCollection(blue);
        assertThat(search(alias, X, VectorFilter.ALL, 5)).containsExactly(2L, 3L);
    }

    @Test
    void readersSeeTheOldOrTheNewCollectionDuringSwitches() throws Exception {
        String blue = freshCollection();
        String green = freshCollection();
        upsert(blue, podcast(1).vector(1, 0, 0, 0));
        upsert(green, podcast(2).vector(1, 0, 0, 0));
        String alias = newCollectionName();
        store().setAlias(alias, blue);

        AtomicBoolean switching = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<List<Long>>>> seen = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                seen.add(readers.submit(() -> {
                    List<List<Long>> results = new ArrayList<>();
                    do {
                        results.add(search(alias, X, VectorFilter.ALL, 5));
                    } while (switching.get());
                    return results;
                }));
            }
            for (int i = 0; i < 20; i++) {
                store().setAlias(alias, i % 2 == 0 ? green : blue);
            }
            switching.set(false);
            for (Future<List<List<Long>>> results : seen) {
                assertThat(results.get()).isNotEmpty().allSatisfy(
                        result -> assertThat(result).isIn(List.of(1L), List.of(2L)));
            }
        } finally {
            switching.set(false);
            readers.shutdownNow();
        }
    }

    @Test
    void anAliasNeedsAnExistingCollectionAndKeepsItsTarget() {
        String blue = freshCollection();
        String alias = newCollectionName();
        store().setAlias(alias, blue);

        assertThatThrownBy(() -> store().setAlias(alias, newCollectionName())).isInstanceOf(RuntimeException.class);
        assertThat(store().resolveAlias(alias)).contains(blue);
    }

    // ------------------------------------------------------------------ keyword

    @Test
    void keywordSearchRanksByBm25OrReturnsNothing() {
        String c = freshCollection();
        upsert(c,
                episode(1, 1).text("Rust ownership and the borrow checker explained").cosineToX(0.5),
                episode(2, 1).text("Cooking pasta the Italian way").cosineToX(0.6),
                passage(3, 2, 30).text("Why we rewrote our service in Rust").cosineToX(0.7),
                podcast(4).text("The borrow checker, ownership and lifetimes in Rust").cosineToX(0.8));

        List<VectorHit> hits = store().keyword(c, "rust borrow checker", VectorFilter.kind(ItemKind.EPISODE)
                .withLanguage("en"), 10);
        if (!supportsKeyword()) {
            assertThat(hits).isEmpty();
            return;
        }
        assertThat(entityIds(hits)).containsExactly(1L);
        List<VectorHit> all = store().keyword(c, "rust borrow checker", VectorFilter.ALL, 10);
        assertThat(entityIds(all)).hasSize(3).endsWith(3L).doesNotContain(2L);
        assertThat(all).extracting(VectorHit::score).allSatisfy(s -> assertThat(s).isPositive());
        assertThat(all.get(0).score()).isGreaterThan(all.get(2).score());
        assertThat(store().keyword(c, "pasta", VectorFilter.ALL, 10)).extracting(VectorHit::entityId)
                .containsExactly(2L);
    }
}

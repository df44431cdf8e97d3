package org.wavelength.core.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.LanguageCount;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryDirectory;
import org.wavelength.core.port.InMemoryListeners;

class DirectoryTest {

    static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");

    final Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue();
    final InMemoryListeners listeners = new InMemoryListeners();
    final InMemoryDirectory store = new InMemoryDirectory(catalogue, listeners);
    final Directory directory = new Directory(store, catalogue, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

    static Podcast podcast(long id, String title, String language, String... categories) {
        return new Podcast(id, id, "https://example.com/" + id, title, null, null, language, List.of(categories), null,
                null, false, 0);
    }

    static Episode episode(long id, long podcastId, Instant publishedAt) {
        return new Episode(id, podcastId, "guid-" + id, "Episode " + id, null, null, publishedAt, 600, null, null, null,
                null, null, null);
    }

    void listen(long user, Episode episode, Instant at) {
        listeners.record(new Interaction(user, episode.podcastId(), episode.id(), Interaction.Type.PLAY, null, at));
    }

    // ---- categories ----

    @Test
    void categoriesAreATreeOfNamesWithTheirPodcastCounts() {
        catalogue.with(podcast(1, "1865", "en", "Fiction", "History", "Drama"),
                podcast(2, "Space Tales", "en", "Fiction", "Science Fiction"),
                podcast(3, "Lincoln", "en", "History"));
        store.nest(1, "Drama", "Fiction").nest(2, "Science Fiction", "Fiction");

        assertThat(directory.categories()).containsExactly(
                new Category("Fiction", null, 2, List.of(new Category("Drama", "Fiction", 1, List.of()),
                        new Category("Science Fiction", "Fiction", 1, List.of()))),
                new Category("History", null, 2, List.of()));
    }

    @Test
    void spellingsCountTogetherUnderTheOneMostPodcastsUse() {
        catalogue.with(podcast(1, "A", "en", "Technology"), podcast(2, "B", "en", "technology"),
                podcast(3, "C", "en", "Technology"));

        assertThat(directory.categories()).containsExactly(new Category("Technology", null, 3, List.of()));
        assertThat(directory.category("TECHNOLOGY").name()).isEqualTo("Technology");
    }

    @Test
    void aCategoryGoesUnderTheParentMostPodcastsNestItInAndTiesStayAtTheTop() {
        catalogue.with(podcast(1, "A", "en", "News", "Politics"), podcast(2, "B", "en", "News", "Politics"),
                podcast(3, "C", "en", "Politics"), podcast(4, "D", "en", "Leisure", "Games"),
                podcast(5, "E", "en", "Games"));
        store.nest(1, "Politics", "News").nest(2, "Politics", "News").nest(4, "Games", "Leisure");

        assertThat(directory.category("Politics").parent()).isEqualTo("News");
        assertThat(directory.category("Games").parent()).isNull();
        assertThat(directory.categories()).extracting(Category::name).containsExactly("Games", "Leisure", "News");
    }

    @Test
    void categoriesThatFeedsNestInEachOtherStillShow() {
        // Each feed nests one of A, B, C in another, so that by the most common parent A is in B, B in C, C in A.
        catalogue.with(podcast(1, "One", "en", "Z", "B", "A"), podcast(2, "Two", "en", "Z", "C", "B"),
                podcast(3, "Three", "en", "Z", "A", "C"));
        store.nest(1, "B", "Z").nest(1, "A", "B").nest(2, "C", "Z").nest(2, "B", "C").nest(3, "A", "Z").nest(3, "C", "A");

        assertThat(names(directory.categories())).containsExactlyInAnyOrder("Z", "A", "B", "C");
    }

    static List<String> names(List<Category> categories) {
        return categories.stream().flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.name()),
                names(c.subcategories()).stream())).toList();
    }

    @Test
    void aSubcategoryIsFoundByNameWithItsParent() {
        catalogue.with(podcast(1, "1865", "en", "Fiction", "Drama"));
        store.nest(1, "Drama", "Fiction");

        assertThat(directory.category(" drama ")).isEqualTo(new Category("Drama", "Fiction", 1, List.of()));
    }

    @Test
    void anUnknownOrMalformedCategoryIsRefused() {
        catalogue.with(podcast(1, "A", "en", "Technology"));

        assertThatThrownBy(() -> directory.category("Knitting")).isInstanceOf(UnknownItemException.class)
                .hasMessage("There is no category named 'Knitting'.");
        assertThatThrownBy(() -> directory.category("  ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Name a category");
        assertThatThrownBy(() -> directory.category("x".repeat(201))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 200 characters");
        assertThatThrownBy(() -> directory.podcasts(null, "x".repeat(201), 10)).isInstanceOf(InvalidInputException.class);
    }

    // ---- languages ----

    @Test
    void languagesAreSegmentsWithTheirPodcastCounts() {
        catalogue.with(podcast(1, "A", "en-us", "Technology"), podcast(2, "B", "en-GB", "Technology"),
                podcast(3, "C", "zh-CN", "Technology"), podcast(4, "D", null, "Technology"));

        assertThat(directory.languages()).containsExactly(new LanguageCount("en", 2), new LanguageCount("und", 1),
                new LanguageCount("zh", 1));
        assertThat(directory.language("en-AU")).isEqualTo(new LanguageCount("en", 2));
    }

    @Test
    void anUnknownOrMalformedLanguageIsRefused() {
        catalogue.with(podcast(1, "A", "en", "Technology"));

        assertThatThrownBy(() -> directory.language("de")).isInstanceOf(UnknownItemException.class)
                .hasMessage("There is no language named 'de'.");
        assertThatThrownBy(() -> directory.language("english!")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).kind())
                        .isEqualTo(InvalidInputException.Kind.NOT_A_LANGUAGE_TAG));
        assertThatThrownBy(() -> directory.podcasts("1", null, 10)).isInstanceOf(InvalidInputException.class);
    }

    // ---- what a category or language holds ----

    @Test
    void podcastsArePopularFirstThenByEpisodeCountThenTitle() {
        catalogue.with(podcast(1, "quiet", "en", "Science"), podcast(2, "Busy", "en", "Science"),
                podcast(3, "Loved", "en", "Science"), podcast(4, "Also quiet", "en", "Science"),
                podcast(5, "Elsewhere", "en", "Comedy"));
        Episode loved = episode(31, 3, NOW);
        Episode busy = episode(21, 2, NOW);
        catalogue.with(loved, busy, episode(22, 2, NOW), episode(23, 2, NOW), episode(11, 1, NOW), episode(41, 4, NOW));
        listen(1, loved, NOW.minus(Duration.ofDays(1)));
        listen(2, loved, NOW.minus(Duration.ofDays(2)));
        listen(1, busy, NOW.minus(Duration.ofDays(3)));
        listen(2, busy, NOW.minus(Duration.ofDays(60))); // outside the window
        listen(3, busy, NOW.minus(Duration.ofDays(60)));

        assertThat(directory.podcasts(null, "science", 10)).extracting(Podcast::title)
                .containsExactly("Loved", "Busy", "Also quiet", "quiet");
        assertThat(directory.podcasts(null, "Science", 2)).extracting(Podcast::title).containsExactly("Loved", "Busy");
    }

    @Test
    void languageAndCategoryNarrowTogether() {
        catalogue.with(podcast(1, "English science", "en-GB", "Science"), podcast(2, "Chinese science", "zh", "Science"),
                podcast(3, "English comedy", "en", "Comedy"));

        assertThat(directory.podcasts("en", "Science", 10)).extracting(Podcast::title).containsExactly("English science");
        assertThat(directory.podcasts("en", null, 10)).extracting(Podcast::title)
                .containsExactlyInAnyOrder("English science", "English comedy");
        assertThat(directory.podcasts(null, null, 10)).hasSize(3);
        assertThat(directory.podcasts("en", "Knitting", 10)).isEmpty();
    }

    @Test
    void popularEpisodesCountDistinctListenersWithinTheWindow() {
        catalogue.with(podcast(1, "A", "en", "Science"), podcast(2, "B", "zh", "Science"));
        Episode once = episode(11, 1, NOW);
        Episode twice = episode(12, 1, NOW);
        Episode chinese = episode(21, 2, NOW);
        catalogue.with(once, twice, chinese);
        listen(1, twice, NOW.minus(Duration.ofDays(1)));
        listen(2, twice, NOW.minus(Duration.ofDays(1)));
        listen(1, once, NOW.minus(Duration.ofDays(1)));
        listen(1, once, NOW.minus(Duration.ofDays(2)));
        listen(1, chinese, NOW.minus(Duration.ofDays(1)));
        listen(2, chinese, NOW.minus(Duration.ofDays(1)));
        listen(3, chinese, NOW.minus(Duration.ofDays(90)));

        assertThat(directory.popularEpisodes("en", "Science", 10)).extracting(item -> item.episode().id())
                .containsExactly(12L, 11L);
        assertThat(directory.popularEpisodes(null, "science", 10)).extracting(item -> item.podcast().title())
                .containsExactly("A", "B", "A");
    }

    @Test
    void newEpisodesAreTheNewestWithAtMostTwoOfAPodcast() {
        catalogue.with(podcast(1, "Daily", "en", "News"), podcast(2, "Weekly", "en", "News"));
        for (int day = 0; day < 5; day++) {
            catalogue.with(episode(10 + day, 1, NOW.minus(Duration.ofDays(day))));
        }
        catalogue.with(episode(20, 2, NOW.minus(Duration.ofDays(7))), episode(21, 2, null));

        List<EpisodeItem> newest = directory.newEpisodes("en", "News", 10);
        assertThat(newest).extracting(item -> item.episode().id()).containsExactly(10L, 11L, 20L);
        assertThat(newest.get(2).podcast().title()).isEqualTo("Weekly");
    }

    @Test
    void limitsAreBounded() {
        assertThatThrownBy(() -> directory.podcasts(null, null, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("limit must be between 1 and 100; it was 0.");
        assertThatThrownBy(() -> directory.newEpisodes(null, null, 101)).isInstanceOf(InvalidInputException.class);
    }
}

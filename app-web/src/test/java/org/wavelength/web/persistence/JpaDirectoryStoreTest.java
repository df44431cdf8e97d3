package org.wavelength.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.CategoryCount;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.LanguageCount;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.DirectoryFilter;
import org.wavelength.core.port.DirectoryStore;
import org.wavelength.core.port.FeedStore;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.web.security.UserAccount;

/**
 * The directory's SQL on H2 and PostgreSQL. The application's database is shared by every test
 * class, so each test names its own categories and languages.
 */
@QuarkusTest
class JpaDirectoryStoreTest {

    static final Instant NOW = Instant.now();

    @Inject
    DirectoryStore directory;

    @Inject
    CatalogueStore catalogue;

    @Inject
    FeedStore feeds;

    @Inject
    InteractionStore interactions;

    @Inject
    EntityManager entities;

    /** A name no other test uses. */
    static String unique(String name) {
        return name + " " + System.nanoTime();
    }

    long store(String title, String language, List<String> categories, Map<String, String> parents, int episodes) {
        List<FeedContent.Item> items = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            items.add(item(title + "-" + i, Duration.ofDays(i)));
        }
        return store(title, language, categories, parents, items);
    }

    static FeedContent.Item item(String guid, Duration age) {
        return FeedContent.Item.basic(guid, "Episode " + guid, null, null, NOW.minus(age), 600, null);
    }

    long store(String title, String language, List<String> categories, Map<String, String> parents,
            List<FeedContent.Item> items) {
        FeedContent.Show show = new FeedContent.Show(null, null, null, false, null, null, false, List.of(), List.of(), parents,
                List.of());
        long feedId = feeds.register("https://directory.example/" + System.nanoTime() + ".xml").feed().id();
        return catalogue.store(feedId, new FeedContent(title, null, null, language, categories, null, null, false, show,
                items)).podcast().id();
    }

    long store(String title, String language, String category, int episodes) {
        return store(title, language, List.of(category), Map.of(), episodes);
    }

    Episode newest(long podcastId) {
        return catalogue.episodes(podcastId, 1).get(0);
    }

    long listener() {
        String name = "directory-" + System.nanoTime();
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.create(name, "directory-password", UserAccount.ROLE_USER).id);
    }

    void listen(long user, Episode episode, Instant at) {
        interactions.record(new Interaction(user, episode.podcastId(), episode.id(), Interaction.Type.PLAY, null, at));
    }

    List<CategoryCount> countsOf(String... names) {
        List<String> wanted = Arrays.asList(names);
        return directory.categories().stream().filter(c -> wanted.contains(c.name())).toList();
    }

    @Test
    void subcategoriesKeepTheirParentThroughARefetch() {
        String fiction = unique("Fiction");
        String drama = unique("Drama");
        String history = unique("History");
        long podcast = store("1865", "en", List.of(fiction, history, drama), Map.of(drama, fiction), 1);
        store("Lincoln", "en", List.of(history), Map.of(), 1);

        assertThat(countsOf(fiction, drama, history)).containsExactlyInAnyOrder(new CategoryCount(fiction, null, 1),
                new CategoryCount(drama, fiction, 1), new CategoryCount(history, null, 2));
        assertThat(catalogue.podcast(podcast).orElseThrow().categories()).containsExactly(fiction, history, drama);
    }

    @Test
    void languagesGatherEverySpellingOfASegment() {
        store(unique("Greenlandic"), "kl-GL", unique("Kl category"), 1);
        store(unique("Also greenlandic"), "KL", unique("Kl category"), 1);

        assertThat(directory.languages()).contains(new LanguageCount("kl", 2));
        assertThat(directory.podcasts(new DirectoryFilter("kl", null), NOW, 10)).hasSize(2);
    }

    @Test
    void podcastsWithoutALanguageAreUndetermined() {
        String category = unique("Unlabelled");
        long podcast = store("No language", null, category, 1);
        store("English", "en", category, 1);

        assertThat(directory.podcasts(new DirectoryFilter("und", category), NOW, 10)).containsExactly(podcast);
    }

    @Test
    void podcastsArePopularFirstThenByEpisodeCountThenTitle() {
        String category = unique("Science");
        long quiet = store("quiet", "en", category, 1);
        long alsoQuiet = store("Also quiet", "en", category, 1);
        long busy = store("Busy", "en", category, 3);
        long loved = store("Loved", "en", category, 1);
        store("Elsewhere", "en", unique("Comedy"), 5);
        long first = listener();
        long second = listener();
        long third = listener();
        listen(first, newest(loved), NOW.minus(Duration.ofDays(1)));
        listen(second, newest(loved), NOW.minus(Duration.ofDays(2)));
        listen(second, newest(loved), NOW.minus(Duration.ofDays(2)));
        listen(first, newest(busy), NOW.minus(Duration.ofDays(3)));
        listen(second, newest(busy), NOW.minus(Duration.ofDays(60)));
        listen(third, newest(busy), NOW.minus(Duration.ofDays(60)));

        Instant since = NOW.minus(Duration.ofDays(30));
        assertThat(directory.podcasts(new DirectoryFilter(null, category.toUpperCase()), since, 10))
                .containsExactly(loved, busy, alsoQuiet, quiet);
        assertThat(directory.podcasts(new DirectoryFilter("en", category), since, 2)).containsExactly(loved, busy);
    }

    @Test
    void popularEpisodesCountDistinctListenersOfTheFiltersPodcastsWithinTheWindow() {
        String category = unique("History");
        long english = store("English history", "en", category, 2);
        long chinese = store("Chinese history", "zh", category, 1);
        List<Episode> englishEpisodes = catalogue.episodes(english, 2);
        Episode once = englishEpisodes.get(0);
        Episode twice = englishEpisodes.get(1);
        long first = listener();
        long second = listener();
        listen(first, twice, NOW.minus(Duration.ofDays(1)));
        listen(second, twice, NOW.minus(Duration.ofDays(1)));
        listen(first, once, NOW.minus(Duration.ofDays(1)));
        listen(first, once, NOW.minus(Duration.ofDays(2)));
        listen(first, newest(chinese), NOW.minus(Duration.ofDays(90)));

        Instant since = NOW.minus(Duration.ofDays(30));
        assertThat(directory.popularEpisodes(new DirectoryFilter(null, category), since, 10))
                .containsExactly(twice.id(), once.id());
        assertThat(directory.popularEpisodes(new DirectoryFilter("zh", category), since, 10)).isEmpty();
    }

    @Test
    void newestEpisodesTakeAtMostSoManyOfAPodcastEvenPastTheFirstBatch() {
        String category = unique("News");
        long daily = store("Daily", "en", category, JpaDirectoryStore.NEWEST_BATCH + 5);
        // Older than every episode of the daily show: found only in a later batch.
        long weekly = store("Weekly", "en", List.of(category), Map.of(), List.of(item("weekly-1", Duration.ofDays(400))));

        List<Episode> newest = directory.newestEpisodes(new DirectoryFilter("en", category), 2, 10);
        assertThat(newest).extracting(Episode::podcastId).containsExactly(daily, daily, weekly);
        assertThat(newest.get(0).publishedAt()).isAfter(newest.get(1).publishedAt());
    }

    /** V5 nests the categories stored flat before it, by Apple's taxonomy, where the podcast lists the parent too. */
    @Test
    void theMigrationNestsFlatSubcategoriesByApplesTaxonomy() throws IOException {
        long both = store(unique("Flat fiction"), "en", List.of("Fiction", "History", "Drama"), Map.of(), 1);
        long alone = store(unique("Drama alone"), "en", List.of("Drama"), Map.of(), 1);

        QuarkusTransaction.requiringNew().run(() -> migrationUpdates().forEach(sql -> entities.createNativeQuery(sql).executeUpdate()));

        assertThat(parents(both)).containsExactly("Fiction=null", "History=null", "Drama=Fiction");
        assertThat(parents(alone)).containsExactly("Drama=null");
    }

    List<String> parents(long podcastId) {
        return QuarkusTransaction.requiringNew().call(() -> PodcastEntity.<PodcastEntity>findById(podcastId).categories
                .stream().map(c -> c.name + "=" + c.parent).toList());
    }

    static List<String> migrationUpdates() {
        try (InputStream in = JpaDirectoryStoreTest.class.getResourceAsStream("/db/migration/V5__category_nesting.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> s.startsWith("update")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

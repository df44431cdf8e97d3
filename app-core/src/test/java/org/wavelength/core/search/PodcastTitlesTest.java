package org.wavelength.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.SettableClock;

class PodcastTitlesTest {

    Podcast offMenu = Fixtures.podcast(1, "Off Menu with Ed Gamble and James Acaster");
    Podcast science = Fixtures.podcast(2, "Science");
    Podcast scienceFriday = Fixtures.podcast(3, "Science Friday");
    Podcast stories = Fixtures.podcast(4, "故事FM");
    Podcast daily = Fixtures.podcast(5, "The Daily");
    Podcast cafe = Fixtures.podcast(6, "Café Crème");
    Podcast tavern = Fixtures.podcast(8, "Taverncast - Happy Hour in Your Head - Since 2005");
    Podcast giantBomb = Fixtures.podcast(9, "Giant Bombcast");
    Podcast bestOfOffMenu = Fixtures.podcast(10, "The Best Bits of Off Menu");
    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue().with(offMenu, science, scienceFriday, stories, daily, cafe,
            tavern, giantBomb, bestOfOffMenu);
    SettableClock clock = new SettableClock(Instant.parse("2026-11-30T12:00:00Z"));
    PodcastTitles titles = new PodcastTitles(catalogue, clock);

    Optional<String> find(String title) {
        return titles.find(title).map(Podcast::title);
    }

    @Test
    void findsATitleWrittenLoosely() {
        assertThat(find("off menu")).contains(offMenu.title());
        assertThat(find("the Off Menu podcast")).contains(offMenu.title());
        assertThat(find("Off Menu with Ed Gamble")).contains(offMenu.title());
        assertThat(find("Science Friday")).contains("Science Friday");
        assertThat(find("science")).as("equal beats contained").contains("Science");
        assertThat(find("Sceince Friday")).as("a typo").contains("Science Friday");
        assertThat(find("daily")).as("without its article").contains("The Daily");
        assertThat(find("cafe creme")).as("without accents").contains("Café Crème");
        assertThat(find("故事")).as("Chinese, by characters").contains("故事FM");
    }

    @Test
    void findsATitleByTheNamePeopleUse() {
        assertThat(find("Taverncast")).as("up to the dash").contains(tavern.title());
        assertThat(find("taverncats")).as("a typo in the short name").contains(tavern.title());
        assertThat(find("Giant Bomb")).as("a leading part").contains(giantBomb.title());
        assertThat(find("Off Menu")).as("leading beats held elsewhere").contains(offMenu.title());
        assertThat(find("Off Menu podcast")).contains(offMenu.title());
        assertThat(find("Gian")).as("four letters lead").contains(giantBomb.title());
        assertThat(find("Gia")).as("three say too little").isEmpty();
    }

    @Test
    void aTitleNotInTheCatalogueIsNotFound() {
        assertThat(find("Radiolab")).isEmpty();
        assertThat(find("")).isEmpty();
        assertThat(find(null)).isEmpty();
        assertThat(find("!!!")).isEmpty();
    }

    @Test
    void ofTwoPodcastsWithOneTitleTheEstablishedShowIsMeant() {
        Podcast copy = Fixtures.podcast(11, "Limetown");
        Podcast show = new Podcast(12, 12, "https://example.com/12", "Limetown", "Two-Up", "A reporter asks where "
                + "three hundred people went", "en", java.util.List.of(), null, null, false, 21);
        catalogue.with(copy, show);
        clock.now = clock.now.plus(PodcastTitles.REFRESH);

        assertThat(titles.find("limetown")).map(Podcast::id)
                .as("21 episodes against a one-episode copy with a lower id").contains(12L);
    }

    @Test
    void newTitlesAreSeenAfterTheRefresh() {
        assertThat(find("Radiolab")).isEmpty();
        catalogue.with(Fixtures.podcast(7, "Radiolab"));

        assertThat(find("Radiolab")).as("titles are kept for a while").isEmpty();
        clock.now = clock.now.plus(PodcastTitles.REFRESH);
        assertThat(find("Radiolab")).contains("Radiolab");
    }

    @Test
    void similarityIsOrdered() {
        double exact = PodcastTitles.similarity("off menu", "off menu");
        double contained = PodcastTitles.similarity("off menu", "off menu with ed gamble");
        double typo = PodcastTitles.similarity("of menu", "off menu");
        double unrelated = PodcastTitles.similarity("radiolab", "off menu");
        assertThat(exact).isEqualTo(1);
        assertThat(contained).isLessThan(exact).isGreaterThanOrEqualTo(PodcastTitles.MIN_SCORE);
        assertThat(typo).isLessThan(exact).isGreaterThanOrEqualTo(PodcastTitles.MIN_SCORE);
        assertThat(unrelated).isLessThan(PodcastTitles.MIN_SCORE);
    }
}

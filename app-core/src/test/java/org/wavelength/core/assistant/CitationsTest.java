package org.wavelength.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.assistant.Citations.Checked;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.Fixtures;

class CitationsTest {

    Podcast history = Fixtures.podcast(1, "Bits of History");
    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue().with(history)
            .with(Fixtures.episode(11, 1, "The Analytical Engine"), Fixtures.episode(12, 1, "ENIAC"))
            .with(new Passage(101, 11, 0, 0, 754, null, "Welcome"), new Passage(102, 11, 1, 754, 800, "Ada",
                    "Lovelace writes the first program"));
    Citations citations = new Citations(withTranscripts(catalogue));

    /** The map catalogue, answering an episode's passages from its passages. */
    static CatalogueStore withTranscripts(Fixtures.MapCatalogue catalogue) {
        return (CatalogueStore) Proxy.newProxyInstance(CatalogueStore.class.getClassLoader(),
                new Class<?>[] {CatalogueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("passages") && args[0] instanceof Long episodeId) {
                        return catalogue.passages.values().stream().filter(p -> p.episodeId() == episodeId).toList();
                    }
                    try {
                        return method.invoke(catalogue, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void knownLinksAreKeptAndUnknownOnesUnlinked() {
        Checked checked = citations.check("Try [The Analytical Engine](/episodes/11) from [Bits of History](/podcasts/1), "
                + "or [Lost Episode](/episodes/999) of [Nowhere](/podcasts/77).");

        assertThat(checked.text()).isEqualTo("Try [The Analytical Engine](/episodes/11) from [Bits of History](/podcasts/1), "
                + "or Lost Episode of Nowhere.");
        assertThat(checked.items()).extracting(CitedItem::kind).containsExactly(ItemKind.EPISODE, ItemKind.PODCAST);
        assertThat(checked.items().get(0).episode().id()).isEqualTo(11);
        assertThat(checked.items().get(0).podcast()).isEqualTo(history);
        assertThat(checked.items().get(1).episode()).isNull();
    }

    @Test
    void aStartTimeIsKeptAndCitesThePassageThere() {
        Checked checked = citations.check("Lovelace comes up at [12:40](/episodes/11?t=760).");

        assertThat(checked.text()).isEqualTo("Lovelace comes up at [12:40](/episodes/11?t=760).");
        CitedItem item = checked.items().get(0);
        assertThat(item.kind()).isEqualTo(ItemKind.PASSAGE);
        assertThat(item.passage().id()).isEqualTo(102);
        assertThat(item.reason()).isEqualTo("Lovelace comes up at 12:40.");
    }

    @Test
    void plainLinksAreCheckedTooAndAbsoluteOnesMadeRelative() {
        Checked checked = citations.check("See https://wavelength.example/episodes/12?ref=chat&t=30. Not /episodes/404 though.\n"
                + "Also /podcasts/1/feed and /episodes/11abc are not citations.");

        assertThat(checked.text()).isEqualTo("See /episodes/12?t=30. Not though.\n"
                + "Also /podcasts/1/feed and /episodes/11abc are not citations.");
        assertThat(checked.items()).hasSize(1);
        assertThat(checked.items().get(0).episode().id()).isEqualTo(12);
        assertThat(checked.items().get(0).passage()).as("ENIAC has no transcript").isNull();
        assertThat(checked.items().get(0).reason()).isEqualTo("See.");
    }

    @Test
    void eachItemOnceWithTheSentenceThatFirstCitesIt() {
        Checked checked = citations.check("""
                Two picks:
                - [The Analytical Engine](/episodes/11): **Babbage's** machine, explained.
                - [ENIAC](/episodes/12)
                The first one again: [here](/episodes/11).""");

        assertThat(checked.items()).extracting(i -> i.episode().id()).containsExactly(11L, 12L);
        assertThat(checked.items().get(0).reason()).isEqualTo("The Analytical Engine: Babbage's machine, explained.");
        assertThat(checked.items().get(1).reason()).isEqualTo("ENIAC");
    }

    @Test
    void anEpisodeOfAPodcastGoneIsDropped() {
        catalogue.podcasts.remove(1L);
        Checked checked = citations.check("[The Analytical Engine](/episodes/11)");
        assertThat(checked.text()).isEqualTo("The Analytical Engine");
        assertThat(checked.items()).isEmpty();
    }

    @Test
    void textWithoutLinksIsLeftAlone() {
        String text = "No podcast fits [that](https://example.com/about) — try /search?q=jazz.";
        assertThat(citations.check(text)).isEqualTo(new Checked(text, List.of()));
        assertThat(citations.check(null)).isEqualTo(new Checked("", List.of()));
    }
}

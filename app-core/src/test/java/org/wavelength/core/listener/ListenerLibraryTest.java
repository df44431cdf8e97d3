package org.wavelength.core.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Interaction.Type;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryListeners;

class ListenerLibraryTest {

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue()
            .with(Fixtures.podcast(1, "Star Talk"), Fixtures.podcast(2, "Kitchen Lab"))
            .with(Fixtures.episode(11, 1, "Comets"), Fixtures.episode(12, 1, "Moons"), Fixtures.episode(21, 2, "Bread"));
    InMemoryListeners listeners = new InMemoryListeners();
    ListenerLibrary library = new ListenerLibrary(listeners, catalogue);
    int minute;

    @Test
    void theLatestWordOnAnItemDecides() {
        did(Type.LIKE, 11L, null);
        did(Type.LIKE, 12L, null);
        did(Type.DISLIKE, 12L, null);
        did(Type.SUBSCRIBE, null, 1L);
        did(Type.SUBSCRIBE, null, 2L);
        did(Type.UNSUBSCRIBE, null, 2L);

        ListenerLibrary.Library shown = library.library(7, 30);

        assertThat(shown.likes()).extracting(item -> item.episode().id()).containsExactly(11L);
        assertThat(shown.likes().get(0).podcast().title()).isEqualTo("Star Talk");
        assertThat(shown.subscriptions()).extracting(Podcast::id).containsExactly(1L);
        assertThat(library.subscribed(7, 1)).isTrue();
        assertThat(library.subscribed(7, 2)).isFalse();
        assertThat(library.subscribed(8, 1)).isFalse();
    }

    @Test
    void historyIsNewestFirstAndCut() {
        did(Type.PLAY, 21L, null);
        did(Type.PROGRESS, 21L, null);
        did(Type.COMPLETE, 21L, null);

        ListenerLibrary.Library shown = library.library(7, 2);

        assertThat(shown.history()).extracting(ListenerLibrary.HistoryItem::type).containsExactly(Type.COMPLETE, Type.PROGRESS);
        assertThat(shown.history().get(0).podcast().title()).isEqualTo("Kitchen Lab");
    }

    private void did(Type type, Long episodeId, Long podcastId) {
        Long podcast = podcastId != null ? podcastId : catalogue.episodes.get(episodeId).podcastId();
        listeners.record(new Interaction(7, podcast, episodeId, type, type == Type.PROGRESS ? 60 : null,
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(60L * minute++)));
    }
}

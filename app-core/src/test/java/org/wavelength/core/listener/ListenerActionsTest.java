package org.wavelength.core.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Interaction.Type;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexFixtures;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryListeners;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.recommend.UserProfiles;

class ListenerActionsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue()
            .with(Fixtures.podcast(1, "Star Talk"), Fixtures.podcast(2, "Kitchen Lab"))
            .with(Fixtures.episode(11, 1, "Comets"), Fixtures.episode(21, 2, "Bread"));
    InMemoryVectorStore store = new InMemoryVectorStore();
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(new Fixtures.TableEmbedder()));
    InMemoryListeners listeners = new InMemoryListeners();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ListenerActions actions = new ListenerActions(new UserProfiles(index, listeners, listeners, catalogue, clock),
            listeners, listeners, catalogue, clock);

    @Test
    void anInteractionIsStoredWithItsPodcastAndTheProfileFollowsAtOnce() {
        new CatalogueIndexer(IndexFixtures.realtime(index))
                .index(new StoredFeed(catalogue.podcasts.get(1L), List.of(catalogue.episodes.get(11L))));

        Interaction liked = actions.record(7, 11L, null, " like ", null);

        assertThat(liked).isEqualTo(new Interaction(7, 1L, 11L, Type.LIKE, null, NOW));
        assertThat(listeners.interactions).containsExactly(liked);
        assertThat(index.vectorOf("en", PointIds.of(ItemKind.USER, 7))).isPresent();
    }

    @Test
    void whatCannotBeMeantIsRefusedAndNothingIsStored() {
        refused(() -> actions.record(7, 11L, null, "SKIP", null), "type is one of PLAY, PROGRESS");
        refused(() -> actions.record(7, 11L, null, "PROGRESS", null), "send positionSeconds");
        refused(() -> actions.record(7, 11L, null, "PROGRESS", -1), "cannot be negative");
        refused(() -> actions.record(7, null, null, "LIKE", null), "Name the episode");
        refused(() -> actions.record(7, 11L, null, "SUBSCRIBE", null), "SUBSCRIBE is about a podcast");
        refused(() -> actions.record(7, null, 1L, "DISLIKE", null), "NOT_INTERESTED dismisses a whole podcast");
        refused(() -> actions.record(7, 11L, 2L, "LIKE", null), "belongs to podcast 1");
        assertThatThrownBy(() -> actions.record(7, 99L, null, "LIKE", null)).isInstanceOf(UnknownItemException.class);
        assertThatThrownBy(() -> actions.record(7, null, 99L, "SUBSCRIBE", null)).isInstanceOf(UnknownItemException.class);
        assertThat(listeners.interactions).isEmpty();
    }

    @Test
    void preferencesAreStored() {
        actions.savePreferences(7, Preferences.checked(List.of("en"), false, "comets"));

        assertThat(listeners.preferences(7)).isEqualTo(new Preferences(java.util.Set.of("en"), false, "comets"));
    }

    private void refused(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }
}

package org.wavelength.core.assistant;

import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;

/**
 * A podcast, an episode or a passage of one, cited in an answer to a listener's request, with a
 * reason they can check ("Matches “history of computing”; 25 minutes").
 *
 * @param podcast always
 * @param episode for an episode or a passage, else null
 * @param passage for a passage (its text, start and end in seconds), else null
 */
public record CitedItem(Podcast podcast, Episode episode, Passage passage, String reason) {

    public CitedItem {
        if (podcast == null) {
            throw new IllegalArgumentException("A cited item has a podcast");
        }
        if (passage != null && episode == null) {
            throw new IllegalArgumentException("A cited passage comes with its episode");
        }
        if (episode != null && episode.podcastId() != podcast.id()) {
            throw new IllegalArgumentException("Episode " + episode.id() + " is not of podcast " + podcast.id());
        }
    }

    public ItemKind kind() {
        return passage != null ? ItemKind.PASSAGE : episode != null ? ItemKind.EPISODE : ItemKind.PODCAST;
    }

    public CitedItem withReason(String value) {
        return new CitedItem(podcast, episode, passage, value);
    }
}

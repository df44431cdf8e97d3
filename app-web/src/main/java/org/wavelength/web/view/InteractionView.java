package org.wavelength.web.view;

import java.time.Instant;
import org.wavelength.core.domain.Interaction;

/** What a listener did, as recorded; the podcast is filled in from the episode. */
public record InteractionView(Long episodeId, Long podcastId, String type, Integer positionSeconds, Instant at) {

    public static InteractionView of(Interaction i) {
        return new InteractionView(i.episodeId(), i.podcastId(), i.type().name(), i.positionSeconds(), i.at());
    }

    /** What the listener did, as sent; the podcast may be left out when the episode is named. */
    public record Request(Long episodeId, Long podcastId, String type, Integer positionSeconds) {
    }
}

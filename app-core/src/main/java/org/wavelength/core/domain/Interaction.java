package org.wavelength.core.domain;

import java.time.Instant;

/** Something a user did with an episode or a podcast: the signal recommendations learn from. */
public record Interaction(
        long userId,
        Long podcastId,
        Long episodeId,
        Type type,
        Integer positionSeconds,
        Instant at) {

    public enum Type { PLAY, PROGRESS, COMPLETE, LIKE, DISLIKE, SUBSCRIBE, UNSUBSCRIBE, NOT_INTERESTED }

    public Interaction {
        if (podcastId == null && episodeId == null) {
            throw new IllegalArgumentException("An interaction names an episode or a podcast");
        }
    }
}

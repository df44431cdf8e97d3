package org.wavelength.core.domain;

/** An episode with its podcast, for lists that show and link to both. */
public record EpisodeItem(Episode episode, Podcast podcast) {
}

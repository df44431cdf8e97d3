package org.wavelength.core.domain;

/** An episode chosen for a listener: its podcast, the score that ranked it, a checkable reason and its source. */
public record EpisodeRecommendation(Episode episode, Podcast podcast, double score, Reason reason, Strategy strategy) {
}

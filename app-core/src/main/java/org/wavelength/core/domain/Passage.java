package org.wavelength.core.domain;

/** A timed piece of an episode's transcript, the unit that passage search finds. */
public record Passage(long episodeId, double startSeconds, double endSeconds, String speaker, String text) {
}

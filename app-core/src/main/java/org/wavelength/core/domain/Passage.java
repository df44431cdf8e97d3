package org.wavelength.core.domain;

/**
 * A timed piece of an episode's transcript, sized for the embedding model: the unit that passage
 * search finds. {@code id} is 0 until stored.
 */
public record Passage(long id, long episodeId, int position, double start, double end, String speaker, String text) {
}

package org.wavelength.ingest.transcript;

/**
 * A passage of a transcript, ready to be embedded: what {@link PassageChunker} makes of segments.
 *
 * @param start   seconds from the start of the episode where the passage begins
 * @param end     seconds where it ends (never before {@code start}; both 0 for untimed transcripts)
 * @param speaker who speaks in it, or null when unknown or when several speakers share it evenly
 * @param text    the words, separated by single spaces
 */
public record PassageDraft(double start, double end, String speaker, String text) {
}

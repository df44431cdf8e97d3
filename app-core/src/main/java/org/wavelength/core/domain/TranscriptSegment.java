package org.wavelength.core.domain;

/** One timed piece of a transcript as published: seconds from the start, and the speaker when known. */
public record TranscriptSegment(double start, double end, String speaker, String text) {
}

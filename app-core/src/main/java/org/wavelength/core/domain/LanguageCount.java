package org.wavelength.core.domain;

/**
 * A language segment with how many podcasts speak it.
 *
 * @param code a segment ({@link Segments#of}): "en", "zh", or {@link Segments#UNDETERMINED}
 */
public record LanguageCount(String code, long podcasts) {
}

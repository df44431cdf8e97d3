package org.wavelength.core.domain;

/** A chapter of an episode (podcast:chapters); {@code end} is null when the publisher gave none. */
public record Chapter(double start, Double end, String title, String imageUrl, String url, boolean toc) {
}

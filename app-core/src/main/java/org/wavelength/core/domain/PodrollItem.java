package org.wavelength.core.domain;

/**
 * A show the makers of a podcast recommend (podcast:podroll), and the catalogue's podcast it is,
 * matched by podcast:guid, else by feed address.
 *
 * @param podcast null when the show is not in the catalogue
 */
public record PodrollItem(String feedGuid, String feedUrl, Podcast podcast) {
}

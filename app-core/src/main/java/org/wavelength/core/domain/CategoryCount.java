package org.wavelength.core.domain;

/**
 * A category as feeds name it, with how many podcasts list it.
 *
 * @param parent the category it is nested in (iTunes subcategories), null at the top level
 */
public record CategoryCount(String name, String parent, long podcasts) {
}

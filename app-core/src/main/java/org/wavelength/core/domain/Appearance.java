package org.wavelength.core.domain;

/** Where a person is credited: a podcast or an episode (by id), in which role and group. */
public record Appearance(long itemId, String role, String group) {
}

package org.wavelength.core.domain;

/**
 * A person credited on a podcast or an episode, as its feed says (podcast:person, or the show's
 * itunes:author as its "author").
 *
 * @param role  as the Podcasting 2.0 taxonomy names it, in lower case: "host", "guest", "author"…
 * @param group the taxonomy's group: "cast", "writing", "visuals"…
 */
public record Credit(long personId, String name, String role, String group) {
}

package org.wavelength.web.view;

import org.wavelength.core.domain.Person;

/** Someone the feeds credit: {@code imageUrl} and {@code href} as a feed gave them (or null), {@code link} their page here. */
public record PersonView(long id, String name, String imageUrl, String href, String link) {

    public static PersonView of(Person p) {
        return new PersonView(p.id(), p.name(), p.imageUrl(), p.href(), Links.person(p.id()));
    }
}

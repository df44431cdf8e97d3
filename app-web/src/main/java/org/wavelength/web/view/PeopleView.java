package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.domain.Person;

/** People found by name: the whole name first, then names that start with it. */
public record PeopleView(List<PersonView> items) {

    public static PeopleView of(List<Person> people) {
        return new PeopleView(people.stream().map(PersonView::of).toList());
    }
}

package org.wavelength.web.view;

import org.wavelength.core.domain.Passage;

/** A piece of a transcript; {@code start} and {@code end} are seconds from the start of the episode. */
public record PassageView(String text, double start, double end, String speaker) {

    public static PassageView of(Passage p) {
        return new PassageView(p.text(), p.start(), p.end(), p.speaker());
    }
}

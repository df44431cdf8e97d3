package org.wavelength.web.page;

import org.wavelength.web.security.CurrentListener;

/** Who is looking at a page: what the layout needs to show the right links. */
public record Viewer(String username, boolean signedIn, boolean admin) {

    public static Viewer of(CurrentListener listener) {
        return new Viewer(listener.username().orElse(null), listener.username().isPresent(), listener.isAdmin());
    }
}

package org.wavelength.web.http;

/** The headers of htmx that the pages use: its requests get a fragment instead of a redirect or a page. */
public final class Htmx {

    /** Sent as {@code true} on every request htmx makes. */
    public static final String REQUEST = "HX-Request";
    /** The address of the page that made the request. */
    public static final String CURRENT_URL = "HX-Current-URL";
    /** In an answer: htmx sends the browser there, as a whole page. */
    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {
    }
}

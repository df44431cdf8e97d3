package org.wavelength.web.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Wavelength. Before Quarkus starts, it turns off Quarkus's own check of the request address, which answers
 * an address Java cannot parse (a {@code %} not followed by two hexadecimal digits) with an empty 400 before any
 * handler of the application runs; {@code error.MalformedRequests} makes the same check and says what is wrong.
 * The tests set the same property (app-web/pom.xml), since they start Quarkus without this class.
 */
@QuarkusMain
public class ApplicationMain {

    /** Read by Quarkus's HTTP server once, when it starts. */
    public static final String OWN_URI_CHECK = "vertx.disableURIValidation";

    public static void main(String... args) {
        if (System.getProperty(OWN_URI_CHECK) == null) {
            System.setProperty(OWN_URI_CHECK, "true");
        }
        Quarkus.run(args);
    }
}

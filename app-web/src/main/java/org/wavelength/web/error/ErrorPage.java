package org.wavelength.web.error;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTML face of an error: what went wrong, and a way back. */
public final class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String detail);
    }

    private ErrorPage() {
    }

    /** detail: in the visitor's language; null: the page's own words for the status. */
    public static Response response(Response.Status status, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status.getStatusCode(), detail)).build();
    }
}

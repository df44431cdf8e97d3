package org.wavelength.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error body as RFC 9457 describes it, with a {@code detail} an admin can act on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public static Response response(Response.Status status, String detail, String instance) {
        return Response.status(status).type(MEDIA)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance))
                .build();
    }
}

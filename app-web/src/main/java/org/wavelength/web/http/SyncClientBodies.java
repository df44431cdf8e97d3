package org.wavelength.web.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * gPodder's client library (urllib) labels its JSON bodies application/x-www-form-urlencoded, which the forms'
 * CSRF check would then read as a form without its token (an empty 400). On the gpodder sync paths a body is
 * never a form: it is relabelled as plain bytes, which the sync resources read as JSON, text or OPML by path.
 */
public class SyncClientBodies {

    /** API v2 and the Simple API. */
    public static boolean isSyncPath(String path) {
        return path.startsWith("/api/2/") || path.startsWith("/subscriptions/");
    }

    @ServerRequestFilter(preMatching = true)
    public void relabel(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        MediaType type = request.getMediaType();
        if (isSyncPath(path) && type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
        }
    }
}

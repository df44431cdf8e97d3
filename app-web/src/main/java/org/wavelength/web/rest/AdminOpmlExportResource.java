package org.wavelength.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.wavelength.ingest.service.FeedRegistration;
import org.wavelength.web.security.UserAccount;

@Path("/api/admin/feeds.opml")
@RolesAllowed(UserAccount.ROLE_ADMIN)
public class AdminOpmlExportResource {

    private final FeedRegistration registration;

    public AdminOpmlExportResource(FeedRegistration registration) {
        this.registration = registration;
    }

    @GET
    @Produces("text/x-opml")
    @Operation(summary = "Every followed feed as OPML 2.0")
    public Response export() {
        return Response.ok(registration.exportOpml())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"wavelength-feeds.opml\"").build();
    }
}

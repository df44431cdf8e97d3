package org.wavelength.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.wavelength.core.index.IndexOverview;
import org.wavelength.core.index.IndexRebuild;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.view.IndexStatusView;

@Path("/api/admin/index")
@RolesAllowed(UserAccount.ROLE_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminIndexResource {

    private final IndexOverview overview;
    private final IndexRebuild rebuild;

    public AdminIndexResource(IndexOverview overview, IndexRebuild rebuild) {
        this.overview = overview;
        this.rebuild = rebuild;
    }

    @GET
    @Operation(summary = "Segments, their models, point counts and serving collections, and rebuild progress")
    public IndexStatusView status() {
        return IndexStatusView.of(overview.status());
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild a segment from the database into a new collection (optionally with another model) "
            + "while the old one serves, then switch atomically; 409 while one runs")
    public Response rebuild(@QueryParam("segment") String segment, @QueryParam("model") String model) {
        var started = rebuild.start(segment, model == null || model.isBlank() ? null : model);
        return Response.accepted(IndexStatusView.RebuildView.of(started)).build();
    }
}

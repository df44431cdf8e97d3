package org.wavelength.web.rest;

import org.wavelength.web.input.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.FeedStore;
import org.wavelength.ingest.service.FeedRegistration.OpmlImport;
import org.wavelength.ingest.service.FeedRegistration;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.view.FeedRequests;
import org.wavelength.web.view.FeedView;
import org.wavelength.web.view.PageView;

@Path("/api/admin/feeds")
@RolesAllowed(UserAccount.ROLE_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminFeedResource {

    private final FeedRegistration registration;
    private final FeedStore feeds;

    public AdminFeedResource(FeedRegistration registration, FeedStore feeds) {
        this.registration = registration;
        this.feeds = feeds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow a feed: 202 while it is fetched in the background, 200 when it was already followed")
    public Response add(FeedRequests.AddFeed request) {
        if (request == null || request.url() == null) {
            throw new BadRequestException("Send a JSON body such as {\"url\": \"https://example.com/feed.xml\"}.");
        }
        FeedStore.Registration result = registration.add(request.url());
        var feed = result.feed();
        return Response.status(result.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(new FeedRequests.Added(feed.id(), feed.url(), feed.status().name())).build();
    }

    @GET
    @Operation(summary = "Followed feeds with their health, a page at a time (page counts from 0)")
    public PageView<FeedView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return PageView.of(feeds.feeds(page, size), FeedView::of);
    }

    @GET
    @Path("/{id}")
    public FeedView get(@PathParam("id") long id) {
        return feeds.feed(id).map(FeedView::of).orElseThrow(() -> new UnknownItemException("feed", id));
    }

    @POST
    @Path("/{id}/refresh")
    @Operation(summary = "Fetch a feed again now, even a DEAD one")
    public Response refresh(@PathParam("id") long id) {
        var feed = feeds.feed(id).orElseThrow(() -> new UnknownItemException("feed", id));
        registration.refresh(feed.id());
        return Response.accepted(FeedView.of(feed)).build();
    }

    @POST
    @Path("/opml")
    @Consumes({"text/x-opml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Follow every feed of an OPML document; reports added, already present and invalid entries")
    public OpmlImport importOpml(byte[] opml, @QueryParam("url") String url) {
        if (opml == null || opml.length == 0) {
            // No body: curl -X POST '…/opml?url=…' sends no Content-Type, and such a request is routed here.
            if (url != null && !url.isBlank()) {
                return registration.importOpmlFrom(url);
            }
            throw new BadRequestException("Send an OPML document as the request body, or its address as ?url=.");
        }
        return registration.importOpml(opml);
    }

    @POST
    @Path("/opml")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Follow every feed of an uploaded OPML file (form field \"file\")")
    public OpmlImport uploadOpml(@RestForm("file") FileUpload file) throws java.io.IOException {
        if (file == null || file.size() == 0) {
            throw new BadRequestException("Upload an OPML file in the form field \"file\".");
        }
        return registration.importOpml(java.nio.file.Files.readAllBytes(file.uploadedFile()));
    }

    @POST
    @Path("/opml")
    @Operation(summary = "Follow every feed of the OPML document at ?url=")
    public OpmlImport importOpmlFrom(@QueryParam("url") String url) {
        if (url == null || url.isBlank()) {
            throw new BadRequestException("Give the OPML document's address as ?url=, or send the document as the body.");
        }
        return registration.importOpmlFrom(url);
    }
}

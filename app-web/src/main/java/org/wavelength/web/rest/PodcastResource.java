package org.wavelength.web.rest;

import org.wavelength.web.input.Paging;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.recommend.SimilarPodcasts;
import org.wavelength.web.view.EpisodeListView;
import org.wavelength.web.view.PageView;
import org.wavelength.web.view.PodcastView;
import org.wavelength.web.view.PodrollView;
import org.wavelength.web.view.SimilarPodcastsView;

@Path("/api/podcasts")
@Produces(MediaType.APPLICATION_JSON)
public class PodcastResource {

    private final CatalogueStore catalogue;
    private final SimilarPodcasts similarPodcasts;

    public PodcastResource(CatalogueStore catalogue, SimilarPodcasts similarPodcasts) {
        this.catalogue = catalogue;
        this.similarPodcasts = similarPodcasts;
    }

    @GET
    @Operation(summary = "Podcasts by title, a page at a time (page counts from 0)")
    public PageView<PodcastView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size);
        return PageView.of(catalogue.podcasts(page, size), PodcastView::of);
    }

    @GET
    @Path("/{id}")
    public PodcastView get(@PathParam("id") long id) {
        return PodcastView.of(podcast(id));
    }

    @GET
    @Path("/{id}/episodes")
    @Operation(summary = "The podcast's episodes, newest first")
    public EpisodeListView episodes(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.checkLimit(limit);
        podcast(id);
        return EpisodeListView.of(catalogue.episodes(id, limit));
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "Podcasts similar to this one, with a reason each",
            description = "Ranked by the meaning of their texts (the podcast's and its episodes' embeddings, with "
                    + "query expansion) and, where the vector index has keyword search, by shared keywords. The score "
                    + "orders the list; it is not a cosine.")
    public SimilarPodcastsView similar(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("10") int limit) {
        Paging.checkLimit(limit);
        return SimilarPodcastsView.of(similarPodcasts.similarTo(id, limit));
    }

    @GET
    @Path("/{id}/podroll")
    @Operation(summary = "The shows the podcast's makers recommend in its feed (podcast:podroll), with the catalogue's podcast of each",
            description = "Matched by podcast:guid, else by feed address; podcast is null for a show not in the catalogue.")
    public PodrollView podroll(@PathParam("id") long id) {
        podcast(id);
        return PodrollView.of(catalogue.podroll(id));
    }

    private org.wavelength.core.domain.Podcast podcast(long id) {
        return catalogue.podcast(id).orElseThrow(() -> new UnknownItemException("podcast", id));
    }
}

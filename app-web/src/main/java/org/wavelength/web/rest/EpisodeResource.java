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
import org.wavelength.core.recommend.SimilarEpisodes;
import org.wavelength.web.view.EpisodeDetailsView;
import org.wavelength.web.view.SimilarEpisodesView;

@Path("/api/episodes")
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeResource {

    private final CatalogueStore catalogue;
    private final SimilarEpisodes similarEpisodes;

    public EpisodeResource(CatalogueStore catalogue, SimilarEpisodes similarEpisodes) {
        this.catalogue = catalogue;
        this.similarEpisodes = similarEpisodes;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An episode with its sanitised show notes, transcript (null when none) and chapters")
    public EpisodeDetailsView get(@PathParam("id") long id) {
        return catalogue.episodeDetails(id).map(EpisodeDetailsView::of)
                .orElseThrow(() -> new UnknownItemException("episode", id));
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "Episodes close in subject to this one, a few at most from one podcast, with a reason each")
    public SimilarEpisodesView similar(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("10") int limit) {
        Paging.checkLimit(limit);
        return SimilarEpisodesView.of(similarEpisodes.similarTo(id, limit));
    }
}

package org.wavelength.web.rest;

import org.wavelength.web.input.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.wavelength.core.browse.Directory;
import org.wavelength.web.view.EpisodeItemsView;
import org.wavelength.web.view.LanguageView;
import org.wavelength.web.view.LanguagesView;
import org.wavelength.web.view.PodcastListView;

/** The catalogue by language: a code such as en or zh ("en-GB" is English), und for podcasts of no known language. */
@Path("/api/languages")
@Produces(MediaType.APPLICATION_JSON)
public class LanguageResource {

    static final String CATEGORY = "Only those of this category (any level, any case)";

    private final Directory directory;

    public LanguageResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "The catalogue's languages with how many podcasts speak each, most first")
    public LanguagesView list() {
        return LanguagesView.of(directory.languages());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One language and how many podcasts speak it")
    public LanguageView get(@PathParam("code") String code) {
        return LanguageView.of(directory.language(code));
    }

    @GET
    @Path("/{code}/podcasts")
    @Operation(summary = "The language's podcasts, those with the most listeners this month first, then by episode count")
    public PodcastListView podcasts(@PathParam("code") String code,
            @QueryParam("category") @Parameter(description = CATEGORY) String category,
            @QueryParam("limit") @Parameter(description = CategoryResource.LIMIT) String limit) {
        return PodcastListView.of(directory.podcasts(known(code), category, limit(limit)));
    }

    @GET
    @Path("/{code}/episodes/popular")
    @Operation(summary = "The language's episodes with the most distinct listeners this month, most first")
    public EpisodeItemsView popular(@PathParam("code") String code,
            @QueryParam("category") @Parameter(description = CATEGORY) String category,
            @QueryParam("limit") @Parameter(description = CategoryResource.LIMIT) String limit) {
        return EpisodeItemsView.of(directory.popularEpisodes(known(code), category, limit(limit)));
    }

    @GET
    @Path("/{code}/episodes/new")
    @Operation(summary = "The language's newest episodes, at most two of one podcast, newest first")
    public EpisodeItemsView newest(@PathParam("code") String code,
            @QueryParam("category") @Parameter(description = CATEGORY) String category,
            @QueryParam("limit") @Parameter(description = CategoryResource.LIMIT) String limit) {
        return EpisodeItemsView.of(directory.newEpisodes(known(code), category, limit(limit)));
    }

    /** An unknown language is a 404, not an empty list. */
    private String known(String code) {
        return directory.language(code).code();
    }

    private static int limit(String value) {
        return Paging.limit(value, CategoryResource.DEFAULT_LIMIT);
    }
}

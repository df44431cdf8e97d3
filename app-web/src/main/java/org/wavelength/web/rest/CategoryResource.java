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
import org.wavelength.web.view.CategoriesView;
import org.wavelength.web.view.CategoryView;
import org.wavelength.web.view.EpisodeItemsView;
import org.wavelength.web.view.PodcastListView;

/**
 * The catalogue by category: a name as feeds give it, at any level, in any case; it may hold any
 * character, a "/" included ({@code /api/categories/Religion/Spirituality}).
 */
@Path("/api/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    static final int DEFAULT_LIMIT = 20;
    static final String LIMIT = "1 to 100 (default 20)";
    static final String LANGUAGE = "Only those in this language (a code such as en)";

    private final Directory directory;

    public CategoryResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "The top-level categories by name, each with its subcategories and how many podcasts list it")
    public CategoriesView list() {
        return CategoriesView.of(directory.categories());
    }

    @GET
    @Path("/{name: .+}")
    @Operation(summary = "One category, with the category it is in and its subcategories")
    public CategoryView get(@PathParam("name") String name) {
        return CategoryView.of(directory.category(name));
    }

    @GET
    @Path("/{name: .+}/podcasts")
    @Operation(summary = "The category's podcasts, those with the most listeners this month first, then by episode count")
    public PodcastListView podcasts(@PathParam("name") String name,
            @QueryParam("language") @Parameter(description = LANGUAGE) String language,
            @QueryParam("limit") @Parameter(description = LIMIT) String limit) {
        return PodcastListView.of(directory.podcasts(language, known(name), Paging.limit(limit, DEFAULT_LIMIT)));
    }

    @GET
    @Path("/{name: .+}/episodes/popular")
    @Operation(summary = "The category's episodes with the most distinct listeners this month, most first")
    public EpisodeItemsView popular(@PathParam("name") String name,
            @QueryParam("language") @Parameter(description = LANGUAGE) String language,
            @QueryParam("limit") @Parameter(description = LIMIT) String limit) {
        return EpisodeItemsView.of(directory.popularEpisodes(language, known(name), Paging.limit(limit, DEFAULT_LIMIT)));
    }

    @GET
    @Path("/{name: .+}/episodes/new")
    @Operation(summary = "The category's newest episodes, at most two of one podcast, newest first")
    public EpisodeItemsView newest(@PathParam("name") String name,
            @QueryParam("language") @Parameter(description = LANGUAGE) String language,
            @QueryParam("limit") @Parameter(description = LIMIT) String limit) {
        return EpisodeItemsView.of(directory.newEpisodes(language, known(name), Paging.limit(limit, DEFAULT_LIMIT)));
    }

    /** An unknown category is a 404, not an empty list. */
    private String known(String name) {
        return directory.category(name).name();
    }
}

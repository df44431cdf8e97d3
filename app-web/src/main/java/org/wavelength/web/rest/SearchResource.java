package org.wavelength.web.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.web.input.SearchParams;
import org.wavelength.web.view.SearchResults;

/** Search over podcasts, episodes and transcript passages; public, like the rest of the catalogue. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final CatalogueSearch search;

    public SearchResource(CatalogueSearch search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Search podcasts, episodes and transcript passages",
            description = "Semantic (embedding) and keyword (BM25) results fused by reciprocal rank, each above a "
                    + "relevance floor: close enough in meaning (a percentile of its segment's background) or holding "
                    + "enough of the query's words, so a search may return fewer results than its limit, or none. "
                    + "Each result lists its matchedTerms (the query's words its text holds). A passage hit "
                    + "carries its text, speaker, start and end in seconds, and a link to the episode at that time.")
    @APIResponse(responseCode = "200", description = "The results, best first (possibly none)")
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed; the problem's detail says which")
    public SearchResults search(@BeanParam SearchParams params) {
        return SearchResults.of(search.search(params.toQuery()));
    }
}

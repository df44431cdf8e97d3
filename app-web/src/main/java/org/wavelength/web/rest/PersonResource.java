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
import org.wavelength.core.browse.People;
import org.wavelength.web.view.PeopleView;
import org.wavelength.web.view.PersonDetailsView;

/** The hosts, guests and authors the feeds credit (podcast:person, itunes:author). */
@Path("/api/people")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {


    static final int EPISODES = 100;

    private final People people;

    public PersonResource(People people) {
        this.people = people;
    }

    @GET
    @Operation(summary = "People by name, accents and case aside: the whole name first, then names that start with it")
    public PeopleView search(@QueryParam("q") @Parameter(description = "A name or part of one (required)") String q,
            @QueryParam("limit") @Parameter(description = CategoryResource.LIMIT) String limit) {
        return PeopleView.of(people.search(q, Paging.limit(limit, CategoryResource.DEFAULT_LIMIT)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A person, with the podcasts and the newest 100 episodes that credit them, and in which roles")
    public PersonDetailsView get(@PathParam("id") long id) {
        return PersonDetailsView.of(people.person(id, EPISODES));
    }
}

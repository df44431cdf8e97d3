package org.wavelength.web.rest.gpodder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.wavelength.web.security.SyncSignIn;
import org.wavelength.web.sync.EpisodeActionSync;
import org.wavelength.web.view.SyncViews;

/** gpodder API v2 episode actions: uploads of what the listener did in their apps, and what changed since. */
@Path("/api/2/episodes")
@Produces(MediaType.APPLICATION_JSON)
public class GpodderEpisodeResource {

    private final SyncSignIn signIn;
    private final EpisodeActionSync episodes;
    private final ObjectMapper json;

    public GpodderEpisodeResource(SyncSignIn signIn,
            EpisodeActionSync episodes, ObjectMapper json) {
        this.signIn = signIn;
        this.episodes = episodes;
        this.json = json;
    }

    @POST
    @Path("/{username}.json")
    @Consumes(MediaType.WILDCARD)
    public SyncViews.UpdateResult upload(@PathParam("username") String username, String body) {
        long user = signIn.require(username);
        return episodes.upload(user, SyncBodies.read(json, body, new TypeReference<List<SyncViews.EpisodeAction>>() { },
                "[{\"podcast\": \"https://example.com/feed.xml\", \"episode\": \"https://example.com/1.mp3\", \"action\": \"play\","
                        + " \"timestamp\": \"2009-12-12T09:00:00\", \"position\": 120, \"total\": 500}]"));
    }

    @GET
    @Path("/{username}.json")
    public SyncViews.EpisodeActions actions(@PathParam("username") String username, @QueryParam("since") String since,
            @QueryParam("podcast") String podcast, @QueryParam("device") String device,
            @QueryParam("aggregated") String aggregated) {
        long user = signIn.require(username);
        return episodes.actions(user, since, podcast, device, aggregated);
    }
}

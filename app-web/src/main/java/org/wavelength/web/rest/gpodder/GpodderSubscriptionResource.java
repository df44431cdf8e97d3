package org.wavelength.web.rest.gpodder;

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
import org.wavelength.web.sync.GpodderSync;
import org.wavelength.web.view.SyncViews;

/** gpodder API v2 subscriptions of one device: changes since a timestamp, and uploads of changes. */
@Path("/api/2/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class GpodderSubscriptionResource {

    /** The upload's shape. */
    public static final class Changes {
        public List<String> add;
        public List<String> remove;
    }

    private final SyncSignIn signIn;
    private final GpodderSync sync;
    private final ObjectMapper json;

    public GpodderSubscriptionResource(SyncSignIn signIn, GpodderSync sync, ObjectMapper json) {
        this.signIn = signIn;
        this.sync = sync;
        this.json = json;
    }

    @GET
    @Path("/{username}/{deviceid}.json")
    public SyncViews.SubscriptionChanges changes(@PathParam("username") String username,
            @PathParam("deviceid") String deviceId, @QueryParam("since") String since) {
        return sync.changes(signIn.require(username), deviceId, since);
    }

    @POST
    @Path("/{username}/{deviceid}.json")
    @Consumes(MediaType.WILDCARD)
    public SyncViews.UpdateResult upload(@PathParam("username") String username, @PathParam("deviceid") String deviceId,
            String body) {
        long user = signIn.require(username);
        Changes changes = SyncBodies.read(json, body, Changes.class, "{\"add\": [\"https://example.com/feed.xml\"], \"remove\": []}");
        return sync.update(user, deviceId, changes.add, changes.remove);
    }
}

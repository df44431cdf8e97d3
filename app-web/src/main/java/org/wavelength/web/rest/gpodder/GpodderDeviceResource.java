package org.wavelength.web.rest.gpodder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.SyncSignIn;
import org.wavelength.web.sync.GpodderSync;
import org.wavelength.web.view.SyncViews;

/** gpodder API v2 devices: the listener's podcast apps. */
@Path("/api/2/devices")
@Produces(MediaType.APPLICATION_JSON)
public class GpodderDeviceResource {

    private final CurrentListener listener;
    private final SecurityIdentity identity;
    private final RoutingContext http;
    private final SyncSignIn signIn;
    private final GpodderSync sync;
    private final ObjectMapper json;

    public GpodderDeviceResource(CurrentListener listener, SecurityIdentity identity, RoutingContext http, SyncSignIn signIn,
            GpodderSync sync, ObjectMapper json) {
        this.listener = listener;
        this.identity = identity;
        this.http = http;
        this.signIn = signIn;
        this.sync = sync;
        this.json = json;
    }

    @GET
    @Path("/{username}.json")
    public List<SyncViews.Device> devices(@PathParam("username") String username) {
        return sync.devices(signIn.require(listener, identity, http, username));
    }

    @POST
    @Path("/{username}/{deviceid}.json")
    @Consumes(MediaType.WILDCARD)
    public Response save(@PathParam("username") String username, @PathParam("deviceid") String deviceId, String body) {
        long user = signIn.require(listener, identity, http, username);
        sync.saveDevice(user, deviceId, SyncBodies.read(json, body, SyncViews.DeviceSettings.class,
                "{\"caption\": \"My phone\", \"type\": \"mobile\"}"));
        return Response.ok().build();
    }
}

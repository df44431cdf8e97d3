package org.wavelength.web.rest.gpodder;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wavelength.web.security.SyncSignIn;
import org.wavelength.web.sync.GpodderSync;
import org.wavelength.web.view.SyncViews;

/** gpodder API v2 devices: the listener's podcast apps. */
@Path("/api/2/devices")
@Produces(MediaType.APPLICATION_JSON)
public class GpodderDeviceResource {

    private final SyncSignIn signIn;
    private final GpodderSync sync;
    private final ObjectMapper json;

    public GpodderDeviceResource(SyncSignIn signIn,
            GpodderSync sync, ObjectMapper json) {
        this.signIn = signIn;
        this.sync = sync;
        this.json = json;
    }

    @GET
    @Path("/{username}.json")
    public List<SyncViews.Device> devices(@PathParam("username") String username) {
        return sync.devices(signIn.require(username));
    }

    @POST
    @Path("/{username}/{deviceid}.json")
    @Consumes(MediaType.WILDCARD)
    public Response save(@PathParam("username") String username, @PathParam("deviceid") String deviceId, String body) {
        long user = signIn.require(username);
        sync.saveDevice(user, deviceId, SyncBodies.read(json, body, SyncViews.DeviceSettings.class,
                "{\"caption\": \"My phone\", \"type\": \"mobile\"}"));
        return Response.ok().build();
    }
}

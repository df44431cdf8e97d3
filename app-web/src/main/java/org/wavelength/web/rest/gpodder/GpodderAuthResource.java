package org.wavelength.web.rest.gpodder;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.wavelength.web.security.SyncSignIn;

/** gpodder API v2 sign-in: HTTP Basic once, then the session cookie; sign-out ends that session. */
@Path("/api/2/auth/{username}")
public class GpodderAuthResource {

    private final SyncSignIn signIn;

    public GpodderAuthResource(SyncSignIn signIn) {
        this.signIn = signIn;
    }

    @POST
    @Path("/login.json")
    public Response login(@PathParam("username") String username) {
        signIn.require(username);
        return Response.ok().build();
    }

    @POST
    @Path("/logout.json")
    public Response logout(@PathParam("username") String username) {
        signIn.require(username);
        signIn.signOut();
        return Response.ok().build();
    }
}

package org.wavelength.web.rest.gpodder;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.Sessions;
import org.wavelength.web.security.SyncSignIn;

/** gpodder API v2 sign-in: HTTP Basic once, then the session cookie; sign-out ends that session. */
@Path("/api/2/auth/{username}")
public class GpodderAuthResource {

    private final CurrentListener listener;
    private final SecurityIdentity identity;
    private final RoutingContext http;
    private final SyncSignIn signIn;
    private final Sessions sessions;

    public GpodderAuthResource(CurrentListener listener, SecurityIdentity identity, RoutingContext http, SyncSignIn signIn,
            Sessions sessions) {
        this.listener = listener;
        this.identity = identity;
        this.http = http;
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @POST
    @Path("/login.json")
    public Response login(@PathParam("username") String username) {
        signIn.require(listener, identity, http, username);
        return Response.ok().build();
    }

    @POST
    @Path("/logout.json")
    public Response logout(@PathParam("username") String username) {
        signIn.require(listener, identity, http, username);
        signIn.signOut(sessions, identity, http);
        return Response.ok().build();
    }
}

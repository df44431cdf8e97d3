package org.wavelength.web.rest;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.wavelength.web.security.AccessTokens;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.view.AccessTokenView;

/**
 * The signed-in listener's personal access tokens. Managed with the password or the site's cookie, not with a
 * token: a leaked token must not be able to make itself a successor that outlives its revocation.
 */
@Path("/api/me/tokens")
@RolesAllowed({ UserAccount.ROLE_USER, UserAccount.ROLE_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class AccessTokenResource {

    private final AccessTokens tokens;
    private final CurrentListener listener;

    public AccessTokenResource(AccessTokens tokens, CurrentListener listener) {
        this.tokens = tokens;
        this.listener = listener;
    }

    @GET
    @Operation(summary = "The listener's tokens, newest first: name, when made and last used (to the minute); never the secret")
    public List<AccessTokenView> list() {
        return tokens.of(owner()).stream().map(AccessTokenView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a token with a name; the answer holds its secret (token), shown this once and never again")
    public Response create(AccessTokenView.Request request) {
        if (request == null) {
            throw new BadRequestException("Send a JSON body such as {\"name\": \"phone\"}.");
        }
        AccessTokenView made = AccessTokenView.created(tokens.create(owner(), request.name()));
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token: every request with it is refused from now on")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(owner(), id);
        return Response.noContent().build();
    }

    private long owner() {
        if (listener.viaToken()) {
            throw new ForbiddenException("Tokens are managed with your password or on /me, not with a token.");
        }
        return listener.requireId();
    }
}

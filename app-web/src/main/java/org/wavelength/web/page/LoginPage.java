package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign in and out; the form posts to Quarkus' form authentication ({@code /j_security_check}). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Viewer viewer, boolean failed, String created);
    }

    private final SecurityIdentity identity;
    private final String cookieName;

    public LoginPage(SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName) {
        this.identity = identity;
        this.cookieName = cookieName;
    }

    @GET
    @Path("/login")
    public TemplateInstance login(@QueryParam("error") boolean failed, @QueryParam("created") String created) {
        // Only a well-formed user name is echoed back (the template escapes it in any case).
        String name = created != null && SignupPage.USERNAME.matcher(created).matches() ? created : null;
        return Templates.login(Viewer.of(identity), failed, name);
    }

    @POST
    @Path("/logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).value("").build();
        return Response.seeOther(URI.create("/")).cookie(expired).build();
    }
}

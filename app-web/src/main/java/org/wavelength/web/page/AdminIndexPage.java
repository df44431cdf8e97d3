package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.index.IndexOverview;
import org.wavelength.core.index.IndexRebuild;
import org.wavelength.core.index.RebuildProgress;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.view.IndexStatusView;

/** The vector index in the browser: what the admin API's status says, and its rebuild as a button. */
@Path("/admin/index")
@RolesAllowed(UserAccount.ROLE_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminIndexPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Viewer viewer, IndexStatusView status, String message, String error);
    }

    private final IndexOverview overview;
    private final IndexRebuild rebuild;
    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;

    public AdminIndexPage(IndexOverview overview, IndexRebuild rebuild, ChosenUiLanguage chosen, CurrentListener listener) {
        this.overview = overview;
        this.rebuild = rebuild;
        this.chosen = chosen;
        this.listener = listener;
    }

    @GET
    public TemplateInstance status(@QueryParam("message") String message, @QueryParam("error") String error) {
        return Templates.index(Viewer.of(listener), IndexStatusView.of(overview.status()), message, error);
    }

    @POST
    @Path("/rebuild")
    public Response rebuild(@RestForm String segment) {
        try {
            RebuildProgress started = rebuild.start(segment, null);
            return backWith("message", chosen.messages().rebuilding(segment, started.target()));
        } catch (InvalidInputException e) {
            return backWith("error", chosen.messages().chooseASegment());
        } catch (ConflictException e) {
            return backWith("error", e.getMessage());
        }
    }

    private static Response backWith(String kind, String text) {
        return Response.seeOther(URI.create("/admin/index?" + kind + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20"))) // %20: every client reads it as a space
                .build();
    }
}

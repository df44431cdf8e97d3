package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.domain.Credit;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.PodrollItem;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.core.listener.ListenerLibrary;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.recommend.SimilarPodcasts;
import org.wavelength.web.http.Htmx;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.UserAccount;

@Path("/podcasts/{id}")
@Produces(MediaType.TEXT_HTML)
public class PodcastPage {

    static final int EPISODES_SHOWN = 50;
    static final int SIMILAR_SHOWN = 8;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance podcast(Viewer viewer, Podcast podcast, List<Episode> episodes,
                List<Recommendation<Podcast>> similar, List<Credit> people, List<PodrollItem> podroll, boolean subscribed,
                String message);

        /** The subscribe form in its new state and the confirmation: htmx's answer, instead of the whole page. */
        static native TemplateInstance podcast$subscription(Podcast podcast, boolean subscribed, String message);
    }

    private final CatalogueStore catalogue;
    private final SimilarPodcasts similarPodcasts;
    private final ListenerActions actions;
    private final ListenerLibrary library;
    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;

    public PodcastPage(CatalogueStore catalogue, SimilarPodcasts similarPodcasts, ListenerActions actions,
            ListenerLibrary library, ChosenUiLanguage chosen, CurrentListener listener) {
        this.catalogue = catalogue;
        this.similarPodcasts = similarPodcasts;
        this.actions = actions;
        this.library = library;
        this.chosen = chosen;
        this.listener = listener;
    }

    @GET
    public TemplateInstance podcast(@PathParam("id") long id, @QueryParam("done") String done) {
        Podcast podcast = catalogue.podcast(id).orElseThrow(() -> new UnknownItemException("podcast", id));
        Viewer viewer = Viewer.of(listener);
        boolean subscribed = listener.id().map(userId -> library.subscribed(userId, id)).orElse(false);
        return Templates.podcast(viewer, podcast, catalogue.episodes(id, EPISODES_SHOWN),
                similarPodcasts.similarTo(id, SIMILAR_SHOWN), catalogue.podcastCredits(id), catalogue.podroll(id), subscribed,
                done(done));
    }

    /**
     * The one-click subscribe and unsubscribe buttons: back to the podcast (post, redirect, get), or,
     * for htmx, just the form in its new state with the confirmation.
     */
    @POST
    @Path("/subscription")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ UserAccount.ROLE_USER, UserAccount.ROLE_ADMIN })
    public Response subscription(@PathParam("id") long id, @RestForm String action, @HeaderParam(Htmx.REQUEST) boolean htmx) {
        String type = switch (action == null ? "" : action.strip()) {
            case "subscribe" -> "SUBSCRIBE";
            case "unsubscribe" -> "UNSUBSCRIBE";
            default -> throw new BadRequestException(chosen.messages().subscriptionFormOnly());
        };
        actions.record(listener.requireId(), null, id, type, null);
        if (htmx) {
            Podcast podcast = catalogue.podcast(id).orElseThrow(() -> new UnknownItemException("podcast", id));
            return Response.ok(Templates.podcast$subscription(podcast, type.equals("SUBSCRIBE"), done(type)))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.seeOther(URI.create("/podcasts/" + id + "?done=" + type)).build();
    }

    /** The confirmation after the subscribe button, by key: a link cannot put words of its own on the page. */
    private String done(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "SUBSCRIBE" -> chosen.messages().subscribedDone();
            case "UNSUBSCRIBE" -> chosen.messages().unsubscribedDone();
            default -> null;
        };
    }
}

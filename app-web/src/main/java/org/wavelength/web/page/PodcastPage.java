package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.service.SimilarPodcasts;

@Path("/podcasts/{id}")
@Produces(MediaType.TEXT_HTML)
public class PodcastPage {

    static final int EPISODES_SHOWN = 50;
    static final int SIMILAR_SHOWN = 8;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance podcast(Viewer viewer, Podcast podcast, List<Episode> episodes,
                List<Recommendation<Podcast>> similar);
    }

    private final CatalogueStore catalogue;
    private final SimilarPodcasts similarPodcasts;
    private final SecurityIdentity identity;

    public PodcastPage(CatalogueStore catalogue, SimilarPodcasts similarPodcasts, SecurityIdentity identity) {
        this.catalogue = catalogue;
        this.similarPodcasts = similarPodcasts;
        this.identity = identity;
    }

    @GET
    public TemplateInstance podcast(@PathParam("id") long id) {
        Podcast podcast = catalogue.podcast(id).orElseThrow(() -> new UnknownItemException("podcast", id));
        return Templates.podcast(Viewer.of(identity), podcast, catalogue.episodes(id, EPISODES_SHOWN),
                similarPodcasts.similarTo(id, SIMILAR_SHOWN));
    }
}

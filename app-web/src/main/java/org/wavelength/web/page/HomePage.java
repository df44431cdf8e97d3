package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.FeedStore;

@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    static final int PAGE_SIZE = 24;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Viewer viewer, Page<Podcast> podcasts, FeedSummary feeds);
    }

    private final CatalogueStore catalogue;
    private final FeedStore feeds;
    private final SecurityIdentity identity;

    public HomePage(CatalogueStore catalogue, FeedStore feeds, SecurityIdentity identity) {
        this.catalogue = catalogue;
        this.feeds = feeds;
        this.identity = identity;
    }

    @GET
    public TemplateInstance home(@QueryParam("page") @DefaultValue("0") int page) {
        Page<Podcast> podcasts = catalogue.podcasts(Math.max(page, 0), PAGE_SIZE);
        String lastError = feeds.feeds(0, 20).items().stream().map(Feed::lastError).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return Templates.home(Viewer.of(identity), podcasts, FeedSummary.of(feeds.statusCounts(), lastError));
    }
}

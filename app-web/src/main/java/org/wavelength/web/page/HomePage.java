package org.wavelength.web.page;

import org.wavelength.web.input.Paging;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.browse.Directory;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.EpisodeRecommendation;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.FeedStore;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.web.security.CurrentListener;

/**
 * The front page: "For you" for a signed-in listener (or a first-visit form to say what they like),
 * popular and new episodes for everyone, and the podcast list.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    static final int PAGE_SIZE = 24;
    static final int FOR_YOU = 10;
    static final int SECTION_SIZE = 10;

    /** What the signed-in listener sees at the top: recommendations, or the onboarding form. */
    public record ForYou(List<EpisodeRecommendation> items, boolean onboarding, List<String> languages) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Viewer viewer, Page<Podcast> podcasts, FeedSummary feeds, ForYou forYou,
                List<EpisodeItem> popular, List<EpisodeItem> newest);
    }

    private final CatalogueStore catalogue;
    private final FeedStore feeds;
    private final InteractionStore interactions;
    private final PreferenceStore preferences;
    private final Recommendations recommendations;
    private final ListenerActions actions;
    private final SegmentedIndex index;
    private final Directory directory;
    private final CurrentListener listener;

    public HomePage(CatalogueStore catalogue, FeedStore feeds, InteractionStore interactions, PreferenceStore preferences,
            Recommendations recommendations, ListenerActions actions, SegmentedIndex index, Directory directory,
            CurrentListener listener) {
        this.catalogue = catalogue;
        this.feeds = feeds;
        this.interactions = interactions;
        this.preferences = preferences;
        this.recommendations = recommendations;
        this.actions = actions;
        this.index = index;
        this.directory = directory;
        this.listener = listener;
    }

    @GET
    public TemplateInstance home(@QueryParam("page") @DefaultValue("0") int page) {
        Paging.check(Math.max(page, 0), PAGE_SIZE);
        Page<Podcast> podcasts = catalogue.podcasts(Math.max(page, 0), PAGE_SIZE);
        String lastError = feeds.feeds(0, 20).items().stream().map(Feed::lastError).filter(Objects::nonNull)
                .findFirst().orElse(null);
        List<EpisodeItem> popular = catalogue.episodeItems(recommendations.popular(SECTION_SIZE));
        // At most two of one podcast, as recommendations: ten episodes of one daily show say little.
        List<EpisodeItem> newest = directory.newEpisodes(null, null, SECTION_SIZE);
        ForYou forYou = listener.id().map(this::forYou).orElse(null);
        return Templates.home(Viewer.of(listener), podcasts, FeedSummary.of(feeds.statusCounts(), lastError), forYou,
                popular, newest);
    }

    private ForYou forYou(long userId) {
        Preferences prefs = preferences.preferences(userId);
        boolean isNew = prefs.languages().isEmpty() && !prefs.hasInterests() && interactions.recent(userId, 1).isEmpty();
        if (isNew) {
            return new ForYou(List.of(), true, index.languages());
        }
        List<EpisodeRecommendation> items;
        try {
            items = recommendations.recommend(new Recommendations.Request(userId, Strategy.BLEND, FOR_YOU, VectorFilter.ALL));
        } catch (RuntimeException e) {
            // The front page must open even when the index cannot answer (being rebuilt, a store down).
            Log.warnf(e, "No recommendations for user %d on the home page", userId);
            items = List.of();
        }
        return new ForYou(items, false, List.of());
    }

    /** The first-visit form: languages and interests; whether explicit podcasts are allowed is kept. A 400 page says what was wrong. */
    @POST
    @Path("/welcome")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response welcome(@RestForm("language") List<String> languages, @RestForm String interests) {
        long userId = listener.requireId();
        boolean explicitAllowed = preferences.preferences(userId).explicitAllowed();
        actions.savePreferences(userId, Preferences.checked(languages, explicitAllowed, interests));
        return Response.seeOther(URI.create("/#for-you")).build();
    }
}

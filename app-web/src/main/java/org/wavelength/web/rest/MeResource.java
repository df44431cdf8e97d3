package org.wavelength.web.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.wavelength.core.domain.EpisodeRecommendation;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.web.page.i18n.UiLanguage;
import org.wavelength.web.persistence.UiLanguageStore;
import org.wavelength.web.security.UserAccount;

/** The signed-in listener: their recommendations, what they tell us they did, and their preferences. */
@Path("/api/me")
@RolesAllowed({ UserAccount.ROLE_USER, UserAccount.ROLE_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    static final int MAX_LIMIT = 50;
    static final int MAX_LANGUAGES = 20;

    /** The strategies a listener can ask for; the others only feed the blend. */
    static final List<Strategy> ASKABLE = List.of(Strategy.BLEND, Strategy.PROFILE, Strategy.RECENT,
            Strategy.SIMILAR_USERS);

    private final Recommendations recommendations;
    private final ListenerActions actions;
    private final PreferenceStore preferences;
    private final UiLanguageStore uiLanguages;
    private final SecurityIdentity identity;

    public MeResource(Recommendations recommendations, ListenerActions actions, PreferenceStore preferences,
            UiLanguageStore uiLanguages, SecurityIdentity identity) {
        this.recommendations = recommendations;
        this.actions = actions;
        this.preferences = preferences;
        this.uiLanguages = uiLanguages;
        this.identity = identity;
    }

    // --- Recommendations ---------------------------------------------------------------------------------

    @GET
    @Path("/recommendations")
    @Operation(summary = "Episodes for the signed-in listener, each with its score, a reason and the strategy that found it")
    public Recommended recommendations(
            @Parameter(description = "blend (default), profile, recent or similar-users") @QueryParam("strategy") String strategy,
            @Parameter(description = "1 to 50, default 10") @QueryParam("limit") String limit,
            @Parameter(description = "Only this language, e.g. en") @QueryParam("language") String language,
            @Parameter(description = "Only podcasts in one of these categories, as their feeds name them (repeatable)")
            @QueryParam("category") List<String> categories,
            @Parameter(description = "true: only explicit podcasts; false: none") @QueryParam("explicit") String explicit,
            @Parameter(description = "Shortest length, in minutes") @QueryParam("minDuration") String minDuration,
            @Parameter(description = "Longest length, in minutes") @QueryParam("maxDuration") String maxDuration,
            @Parameter(description = "Only episodes published after this ISO date (from its start, UTC) or date-time")
            @QueryParam("publishedAfter") String publishedAfter) {
        Strategy chosen = strategy(strategy);
        int size = limit(limit);
        var filter = RecommendationFilters.parse(language, categories, explicit, minDuration, maxDuration, publishedAfter);
        List<EpisodeRecommendation> found = recommendations.recommend(
                new Recommendations.Request(currentUserId(), chosen, size, filter));
        return new Recommended(found.stream().map(Recommended.Item::of).toList());
    }

    public record Recommended(List<Item> items) {

        public record Item(String strategy, double score, String reason, EpisodeBrief episode, PodcastView podcast) {
            static Item of(EpisodeRecommendation r) {
                return new Item(r.strategy().apiName(), r.score(), r.reason().text(), EpisodeBrief.of(r.episode()),
                        PodcastView.of(r.podcast()));
            }
        }
    }

    private static Strategy strategy(String name) {
        if (name == null || name.isBlank()) {
            return Strategy.BLEND;
        }
        return ASKABLE.stream().filter(s -> s.apiName().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new BadRequestException("strategy is one of "
                        + ASKABLE.stream().map(Strategy::apiName).collect(Collectors.joining(", ")) + "; it was " + name + "."));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 10;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + "; it was " + value + ".");
    }

    // --- Interactions ------------------------------------------------------------------------------------

    /** What the listener did; the podcast is filled in from the episode when only the episode is named. */
    public record InteractionRequest(Long episodeId, Long podcastId, String type, Integer positionSeconds) {
    }

    public record InteractionView(Long episodeId, Long podcastId, String type, Integer positionSeconds, Instant at) {
        static InteractionView of(Interaction i) {
            return new InteractionView(i.episodeId(), i.podcastId(), i.type().name(), i.positionSeconds(), i.at());
        }
    }

    @POST
    @Path("/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a play, progress (positionSeconds), completion, like, dislike, subscription or"
            + " not-interested; recommendations take it into account from the next request")
    public Response interact(InteractionRequest request) {
        if (request == null) {
            throw new BadRequestException("Send a JSON body such as {\"episodeId\": 12, \"type\": \"LIKE\"}.");
        }
        Interaction interaction = actions.record(currentUserId(), request.episodeId(), request.podcastId(),
                request.type(), request.positionSeconds());
        return Response.status(Response.Status.CREATED).entity(InteractionView.of(interaction)).build();
    }

    // --- Preferences -------------------------------------------------------------------------------------

    /** uiLanguage: the pages' language, en or zh; null: automatic (the browser's languages). */
    public record PreferencesView(List<String> languages, Boolean explicitAllowed, String interests, String uiLanguage) {
        static PreferencesView of(Preferences p, String uiLanguage) {
            return new PreferencesView(p.languages().stream().sorted().toList(), p.explicitAllowed(), p.interests(),
                    uiLanguage);
        }
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "The listener's languages (empty: any), whether explicit podcasts may be recommended, interests,"
            + " and the pages' language (uiLanguage: en, zh, or null for automatic)")
    public PreferencesView preferences() {
        return PreferencesView.of(preferences.preferences(currentUserId()), uiLanguages.uiLanguage(username()).orElse(null));
    }

    /**
     * A replacement, field by field: uiLanguage left out is automatic like any other field left out, so
     * a client of before that field resets it; the pages' switcher sets it again.
     */
    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the listener's preferences; a field left out takes its default (any language,"
            + " explicit allowed, no interests, automatic page language)")
    public PreferencesView savePreferences(PreferencesView request) {
        long userId = currentUserId();
        Preferences saved = toPreferences(request);
        String uiLanguage = uiLanguage(request.uiLanguage());
        preferences.save(userId, saved);
        uiLanguages.save(userId, uiLanguage);
        actions.refreshProfile(userId);
        return PreferencesView.of(saved, uiLanguage);
    }

    private static String uiLanguage(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return UiLanguage.ofCode(code.strip()).map(UiLanguage::code).orElseThrow(() -> new BadRequestException(
                "uiLanguage is en, zh, or null for automatic; it was " + code + "."));
    }

    private static Preferences toPreferences(PreferencesView request) {
        if (request == null) {
            throw new BadRequestException("Send a JSON body such as"
                    + " {\"languages\": [\"en\"], \"explicitAllowed\": false, \"interests\": \"astronomy, jazz\"}.");
        }
        Set<String> languages = new LinkedHashSet<>();
        if (request.languages() != null) {
            for (String language : request.languages()) {
                if (language != null && !language.isBlank()) {
                    languages.add(RecommendationFilters.language(language.strip(), "languages"));
                }
            }
        }
        if (languages.size() > MAX_LANGUAGES) {
            throw new BadRequestException("Name at most " + MAX_LANGUAGES + " languages.");
        }
        String interests = request.interests() == null ? "" : request.interests().strip();
        if (interests.length() > Preferences.MAX_INTERESTS) {
            throw new BadRequestException("interests are limited to " + Preferences.MAX_INTERESTS + " characters; these have "
                    + interests.length() + ".");
        }
        return new Preferences(languages, request.explicitAllowed() == null || request.explicitAllowed(), interests);
    }

    // --- Helpers -----------------------------------------------------------------------------------------

    private long currentUserId() {
        return ListenerActions.userId(identity);
    }

    private String username() {
        return identity.getPrincipal().getName();
    }
}

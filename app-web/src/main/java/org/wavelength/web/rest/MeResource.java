package org.wavelength.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.i18n.UiLanguage;
import org.wavelength.web.input.FilterParams;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.view.InteractionView;
import org.wavelength.web.view.PreferencesView;
import org.wavelength.web.view.RecommendedEpisodes;

/** The signed-in listener: their recommendations, what they tell us they did, and their preferences. */
@Path("/api/me")
@RolesAllowed({ UserAccount.ROLE_USER, UserAccount.ROLE_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 10;

    /** The strategies a listener can ask for; the others only feed the blend. */
    static final List<Strategy> ASKABLE = List.of(Strategy.BLEND, Strategy.PROFILE, Strategy.RECENT,
            Strategy.SIMILAR_USERS);

    private final Recommendations recommendations;
    private final ListenerActions actions;
    private final PreferenceStore preferences;
    private final ChosenUiLanguage uiLanguage;
    private final CurrentListener listener;

    public MeResource(Recommendations recommendations, ListenerActions actions, PreferenceStore preferences,
            ChosenUiLanguage uiLanguage, CurrentListener listener) {
        this.recommendations = recommendations;
        this.actions = actions;
        this.preferences = preferences;
        this.uiLanguage = uiLanguage;
        this.listener = listener;
    }

    @GET
    @Path("/recommendations")
    @Operation(summary = "Episodes for the signed-in listener, each with its score, a reason and the strategy that found it")
    public RecommendedEpisodes recommendations(
            @Parameter(description = "blend (default), profile, recent or similar-users") @QueryParam("strategy") String strategy,
            @Parameter(description = "1 to 50, default 10") @QueryParam("limit") String limit,
            @BeanParam FilterParams filters) {
        var request = new Recommendations.Request(listener.requireId(), strategy(strategy),
                FilterParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), filters.toFilter());
        return RecommendedEpisodes.of(recommendations.recommend(request));
    }

    private static Strategy strategy(String name) {
        if (name == null || name.isBlank()) {
            return Strategy.BLEND;
        }
        return ASKABLE.stream().filter(s -> s.apiName().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new InvalidInputException("strategy is one of "
                        + ASKABLE.stream().map(Strategy::apiName).collect(Collectors.joining(", ")) + "; it was " + name + "."));
    }

    @POST
    @Path("/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a play, progress (positionSeconds), completion, like, dislike, subscription or"
            + " not-interested; recommendations take it into account from the next request")
    public Response interact(InteractionView.Request request) {
        if (request == null) {
            throw new BadRequestException("Send a JSON body such as {\"episodeId\": 12, \"type\": \"LIKE\"}.");
        }
        Interaction interaction = actions.record(listener.requireId(), request.episodeId(), request.podcastId(),
                request.type(), request.positionSeconds());
        return Response.status(Response.Status.CREATED).entity(InteractionView.of(interaction)).build();
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "The listener's languages (empty: any), whether explicit podcasts may be recommended, interests,"
            + " and the pages' language (uiLanguage: en, zh, or null for automatic)")
    public PreferencesView preferences() {
        return PreferencesView.of(preferences.preferences(listener.requireId()),
                uiLanguage.accountChoice().map(UiLanguage::code).orElse(null));
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
        if (request == null) {
            throw new BadRequestException("Send a JSON body such as"
                    + " {\"languages\": [\"en\"], \"explicitAllowed\": false, \"interests\": \"astronomy, jazz\"}.");
        }
        long userId = listener.requireId();
        Preferences chosen = Preferences.checked(request.languages(),
                request.explicitAllowed() == null || request.explicitAllowed(), request.interests());
        Optional<UiLanguage> ui = UiLanguage.choice(request.uiLanguage());
        actions.savePreferences(userId, chosen);
        uiLanguage.keep(userId, ui);
        return PreferencesView.of(chosen, ui.map(UiLanguage::code).orElse(null));
    }
}

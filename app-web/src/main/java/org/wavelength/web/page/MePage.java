package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.core.listener.ListenerLibrary;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.i18n.UiLanguage;
import org.wavelength.web.security.AccessToken;
import org.wavelength.web.security.AccessTokens;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.ForYouFeedAddresses;
import org.wavelength.web.security.Sessions;

/** The listener's own page: what they did, what they like and follow, and their preferences. */
@Path("/me")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MePage {

    static final int HISTORY = 30;

    /** A language the listener can tick, and whether it is ticked. */
    public record LanguageChoice(String code, boolean chosen) {
    }

    /**
     * What the page shows of apps: the account's tokens, the one just made (its secret shown this once), and the
     * address of the listener's "For you" feed (null while it is off) with its podcast:// form for apps.
     */
    public record Apps(List<AccessToken> tokens, AccessTokens.Created made, String forYouFeed, String forYouFeedInApp) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(Viewer viewer, List<ListenerLibrary.HistoryItem> history, List<EpisodeItem> likes,
                List<Podcast> subscriptions, Preferences preferences, List<LanguageChoice> languages, String uiLanguage,
                Apps apps, boolean saved, String error);
    }

    private final ListenerLibrary library;
    private final ListenerActions actions;
    private final PreferenceStore preferences;
    private final SegmentedIndex index;
    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;
    private final Sessions sessions;
    private final String cookieName;
    private final AccessTokens tokens;
    private final ForYouFeedAddresses feedAddresses;

    public MePage(ListenerLibrary library, ListenerActions actions, PreferenceStore preferences, SegmentedIndex index,
            ChosenUiLanguage chosen, CurrentListener listener, Sessions sessions, AccessTokens tokens,
            ForYouFeedAddresses feedAddresses,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName) {
        this.library = library;
        this.actions = actions;
        this.preferences = preferences;
        this.index = index;
        this.chosen = chosen;
        this.listener = listener;
        this.sessions = sessions;
        this.cookieName = cookieName;
        this.tokens = tokens;
        this.feedAddresses = feedAddresses;
    }

    /** Makes the listener's feed address, or a new one in place of the old, which stops working. */
    @POST
    @Path("/for-you-feed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renewFeedAddress() {
        feedAddresses.renew(listener.requireId());
        return Response.seeOther(URI.create("/me#for-you-feed")).build();
    }

    @POST
    @Path("/for-you-feed/off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response turnFeedOff() {
        feedAddresses.turnOff(listener.requireId());
        return Response.seeOther(URI.create("/me#for-you-feed")).build();
    }

    /** Makes a token and shows the page with its secret, once: it is not kept, so no later page can show it. */
    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String name, @Context UriInfo uri) {
        long userId = listener.requireId();
        try {
            AccessTokens.Created made = tokens.create(userId, name);
            return Response.ok(page(userId, false, null, made, uri)).type(MediaType.TEXT_HTML_TYPE)
                    .header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(userId, false, chosen.wording(e), null, uri)).build();
        }
    }

    @POST
    @Path("/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") long id) {
        tokens.revoke(listener.requireId(), id);
        return Response.seeOther(URI.create("/me#apps")).build();
    }

    /** Signs the account out on every device and browser, this one included (a lost phone, a shared computer). */
    @POST
    @Path("/sessions/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere() {
        sessions.endAll(listener.requireId());
        return LoginPage.signedOut(cookieName);
    }

    @GET
    public TemplateInstance me(@QueryParam("saved") boolean saved, @Context UriInfo uri) {
        return page(listener.requireId(), saved, null, null, uri);
    }

    @POST
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm("language") List<String> languages, @RestForm String explicit,
            @RestForm String interests, @RestForm String uiLanguage, @Context UriInfo uri) {
        long userId = listener.requireId();
        Preferences checked;
        Optional<UiLanguage> ui;
        try {
            // An unticked checkbox is not sent at all: no value means "no explicit podcasts".
            checked = Preferences.checked(languages, explicit != null, interests);
            ui = UiLanguage.choice(uiLanguage);
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(userId, false, chosen.wording(e), null, uri)).build();
        }
        actions.savePreferences(userId, checked);
        chosen.keep(userId, ui);
        // The browser's cookie follows, so that the choice also holds once signed out.
        return Response.seeOther(URI.create("/me?saved=true")).cookie(chosen.cookie(ui)).build();
    }

    private TemplateInstance page(long userId, boolean saved, String error, AccessTokens.Created made, UriInfo uri) {
        Preferences prefs = preferences.preferences(userId);
        Set<String> codes = new TreeSet<>(index.languages());
        codes.addAll(prefs.languages()); // a chosen language stays visible even if no podcast has it now
        List<LanguageChoice> languages = codes.stream().map(c -> new LanguageChoice(c, prefs.languages().contains(c))).toList();
        String uiLanguage = chosen.accountChoice().map(UiLanguage::code).orElse(null);
        ListenerLibrary.Library shown = library.library(userId, HISTORY);
        return Templates.me(Viewer.of(listener), shown.history(), shown.likes(), shown.subscriptions(), prefs, languages,
                uiLanguage, apps(userId, made, uri), saved, error);
    }

    private Apps apps(long userId, AccessTokens.Created made, UriInfo uri) {
        String feed = feedAddresses.token(userId).map(token -> uri.getBaseUri().resolve("feeds/for-you/" + token + ".xml").toString())
                .orElse(null);
        // Apple's podcast:// scheme opens the app at the address; apps that do not know it take the plain address.
        return new Apps(tokens.of(userId), made, feed, feed == null ? null : feed.replaceFirst("^https?://", "podcast://"));
    }
}

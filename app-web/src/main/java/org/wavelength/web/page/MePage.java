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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.listener.ImportedSubscriptions;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.core.listener.ListenerLibrary;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.ingest.IngestException;
import org.wavelength.ingest.opml.OpmlEntry;
import org.wavelength.ingest.opml.OpmlWriter;
import org.wavelength.ingest.service.FeedRegistration;
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
    /** A listener's list, not a directory: more at once would be a way to fill the catalogue. */
    static final int MAX_OPML_ENTRIES = 1_000;

    /** A language the listener can tick, and whether it is ticked. */
    public record LanguageChoice(String code, boolean chosen) {
    }

    /**
     * What the page shows of apps: the account's tokens, the one just made (its secret shown this once), and the
     * address of the listener's "For you" feed (null while it is off) with its podcast:// form for apps.
     */
    public record Apps(List<AccessToken> tokens, AccessTokens.Created made, String forYouFeed, String forYouFeedInApp) {
    }

    /** One entry of an imported OPML list and what became of it, in the visitor's words. */
    public record ImportLine(String title, String url, String outcome, boolean refused) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(Viewer viewer, List<ListenerLibrary.HistoryItem> history, List<EpisodeItem> likes,
                List<Podcast> subscriptions, Preferences preferences, List<LanguageChoice> languages, String uiLanguage,
                Apps apps, List<ImportLine> imported, boolean saved, String error);
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
    private final FeedRegistration registration;
    private final ImportedSubscriptions imports;

    public MePage(ListenerLibrary library, ListenerActions actions, PreferenceStore preferences, SegmentedIndex index,
            ChosenUiLanguage chosen, CurrentListener listener, Sessions sessions, AccessTokens tokens,
            ForYouFeedAddresses feedAddresses, FeedRegistration registration, ImportedSubscriptions imports,
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
        this.registration = registration;
        this.imports = imports;
    }

    /** The listener's subscriptions as OPML, for another podcast app. */
    @GET
    @Path("/subscriptions.opml")
    @Produces("text/x-opml")
    public Response exportSubscriptions() {
        List<OpmlEntry> entries = library.library(listener.requireId(), 1).subscriptions().stream()
                .filter(podcast -> podcast.feedUrl() != null)
                .map(podcast -> new OpmlEntry(podcast.title() == null ? podcast.feedUrl() : podcast.title(), podcast.feedUrl()))
                .toList();
        return Response.ok(new OpmlWriter().write("Wavelength subscriptions", entries))
                .header("Content-Disposition", "attachment; filename=\"wavelength-subscriptions.opml\"").build();
    }

    /**
     * Subscriptions from another app's OPML (a file, or its address): each feed goes through the rules and SSRF
     * guard of every feed (FeedRegistration); a known podcast is subscribed to at once, a new feed once fetched.
     * The page shows what became of each entry.
     */
    @POST
    @Path("/subscriptions/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importSubscriptions(@RestForm("file") FileUpload file, @RestForm String url, @Context UriInfo uri) {
        long userId = listener.requireId();
        boolean hasFile = file != null && file.size() > 0;
        boolean hasUrl = url != null && !url.isBlank();
        String problem = !hasFile && !hasUrl ? chosen.messages().chooseOpml()
                : hasFile && file.size() > AdminPage.MAX_UPLOAD_BYTES ? chosen.messages().fileTooLarge() : null;
        if (problem != null) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(userId, false, problem, null, List.of(), uri)).build();
        }
        List<FeedRegistration.ListedFeed> listed;
        try {
            listed = hasFile ? registration.registerEach(Files.readAllBytes(file.uploadedFile()), MAX_OPML_ENTRIES)
                    : registration.registerEachFrom(url.strip(), MAX_OPML_ENTRIES);
        } catch (IngestException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(userId, false, e.getMessage(), null, List.of(), uri)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ImportLine> lines = listed.stream().map(entry -> {
            String title = entry.title() == null || entry.title().isBlank() ? entry.url() : entry.title();
            if (entry.feed() == null) {
                return new ImportLine(title, entry.url(), chosen.messages().importRefused(entry.refusal()), true);
            }
            return new ImportLine(title, entry.url(), imports.subscribe(userId, entry.feed()) == ImportedSubscriptions.Outcome.SUBSCRIBED
                    ? chosen.messages().importSubscribed() : chosen.messages().importWaiting(), false);
        }).toList();
        return Response.ok(page(userId, false, null, null, lines, uri)).type(MediaType.TEXT_HTML_TYPE).build();
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
            return Response.ok(page(userId, false, null, made, List.of(), uri)).type(MediaType.TEXT_HTML_TYPE)
                    .header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(userId, false, chosen.wording(e), null, List.of(), uri)).build();
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
        return page(listener.requireId(), saved, null, null, List.of(), uri);
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
                    .entity(page(userId, false, chosen.wording(e), null, List.of(), uri)).build();
        }
        actions.savePreferences(userId, checked);
        chosen.keep(userId, ui);
        // The browser's cookie follows, so that the choice also holds once signed out.
        return Response.seeOther(URI.create("/me?saved=true")).cookie(chosen.cookie(ui)).build();
    }

    private TemplateInstance page(long userId, boolean saved, String error, AccessTokens.Created made,
            List<ImportLine> imported, UriInfo uri) {
        Preferences prefs = preferences.preferences(userId);
        Set<String> codes = new TreeSet<>(index.languages());
        codes.addAll(prefs.languages()); // a chosen language stays visible even if no podcast has it now
        List<LanguageChoice> languages = codes.stream().map(c -> new LanguageChoice(c, prefs.languages().contains(c))).toList();
        String uiLanguage = chosen.accountChoice().map(UiLanguage::code).orElse(null);
        ListenerLibrary.Library shown = library.library(userId, HISTORY);
        return Templates.me(Viewer.of(listener), shown.history(), shown.likes(), shown.subscriptions(), prefs, languages,
                uiLanguage, apps(userId, made, uri), imported, saved, error);
    }

    private Apps apps(long userId, AccessTokens.Created made, UriInfo uri) {
        String feed = feedAddresses.token(userId).map(token -> uri.getBaseUri().resolve("feeds/for-you/" + token + ".xml").toString())
                .orElse(null);
        // Apple's podcast:// scheme opens the app at the address; apps that do not know it take the plain address.
        return new Apps(tokens.of(userId), made, feed, feed == null ? null : feed.replaceFirst("^https?://", "podcast://"));
    }
}

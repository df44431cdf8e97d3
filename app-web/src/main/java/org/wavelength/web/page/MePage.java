package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Interaction.Type;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.core.recommend.UserProfiles;
import org.wavelength.web.page.i18n.AppMessages;
import org.wavelength.web.page.i18n.ChosenUiLanguage;
import org.wavelength.web.page.i18n.UiLanguage;
import org.wavelength.web.persistence.UiLanguageStore;

/** The listener's own page: what they did, what they like and follow, and their preferences. */
@Path("/me")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MePage {

    static final int HISTORY = 30;
    /** Likes and subscriptions are read from this many recent interactions. */
    static final int SCAN = 1000;
    static final int MAX_LANGUAGES = 20;
    static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");

    /** One line of history: what was done (how far, for progress), when, and to which episode or podcast (either may be gone). */
    public record HistoryItem(Type type, Integer positionSeconds, Instant at, Episode episode, Podcast podcast) {
    }

    /** A language the listener can tick, and whether it is ticked. */
    public record LanguageChoice(String code, boolean chosen) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(Viewer viewer, List<HistoryItem> history, List<EpisodeItem> likes,
                List<Podcast> subscriptions, Preferences preferences, List<LanguageChoice> languages, String uiLanguage,
                boolean saved, String error);
    }

    private final CatalogueStore catalogue;
    private final InteractionStore interactions;
    private final PreferenceStore preferences;
    private final UserProfiles profiles;
    private final SegmentedIndex index;
    private final UiLanguageStore uiLanguages;
    private final ChosenUiLanguage chosen;
    private final SecurityIdentity identity;

    public MePage(CatalogueStore catalogue, InteractionStore interactions, PreferenceStore preferences,
            UserProfiles profiles, SegmentedIndex index, UiLanguageStore uiLanguages, ChosenUiLanguage chosen,
            SecurityIdentity identity) {
        this.catalogue = catalogue;
        this.interactions = interactions;
        this.preferences = preferences;
        this.profiles = profiles;
        this.index = index;
        this.uiLanguages = uiLanguages;
        this.chosen = chosen;
        this.identity = identity;
    }

    @GET
    public TemplateInstance me(@QueryParam("saved") boolean saved) {
        return page(userId(), saved, null);
    }

    @POST
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm("language") List<String> languages, @RestForm String explicit,
            @RestForm String interests, @RestForm String uiLanguage) {
        long userId = userId();
        String error = checkPreferences(languages, interests, chosen.messages());
        // Blank or left out: automatic (the browser's languages), as a field left out is for the others.
        boolean automatic = uiLanguage == null || uiLanguage.isBlank();
        Optional<UiLanguage> ui = automatic ? Optional.empty() : UiLanguage.ofCode(uiLanguage.strip());
        if (error == null && !automatic && ui.isEmpty()) {
            error = chosen.messages().unknownUiLanguage(uiLanguage);
        }
        if (error != null) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(userId, false, error)).build();
        }
        // An unticked checkbox is not sent at all: no value means "no explicit podcasts".
        preferences.save(userId, toPreferences(languages, explicit != null, interests));
        uiLanguages.save(userId, ui.map(UiLanguage::code).orElse(null));
        Listeners.refreshProfile(profiles, userId);
        // The browser's cookie follows, so that the choice also holds once signed out.
        return Response.seeOther(URI.create("/me?saved=true")).cookie(chosen.cookie(ui)).build();
    }

    static String checkPreferences(List<String> languages, String interests, AppMessages messages) {
        List<String> given = languages == null ? List.of() : languages.stream().filter(l -> l != null && !l.isBlank()).toList();
        if (given.size() > MAX_LANGUAGES) {
            return messages.tooManyLanguages(MAX_LANGUAGES);
        }
        for (String language : given) {
            if (!LANGUAGE.matcher(language.strip()).matches()) {
                return messages.notALanguageCode(language);
            }
        }
        if (interests != null && interests.strip().length() > Preferences.MAX_INTERESTS) {
            return messages.interestsTooLong(Preferences.MAX_INTERESTS);
        }
        return null;
    }

    static Preferences toPreferences(List<String> languages, boolean explicitAllowed, String interests) {
        Set<String> chosen = new LinkedHashSet<>();
        if (languages != null) {
            languages.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).forEach(chosen::add);
        }
        return new Preferences(chosen, explicitAllowed, interests);
    }

    private TemplateInstance page(long userId, boolean saved, String error) {
        List<Interaction> recent = interactions.recent(userId, SCAN);
        List<Interaction> shown = recent.subList(0, Math.min(HISTORY, recent.size()));

        // Likes: episodes whose latest like or dislike is a like. Subscriptions: the latest of subscribe
        // or unsubscribe is subscribe. Newest first, so the first seen per item decides.
        Map<Long, Type> episodeJudgement = new LinkedHashMap<>();
        Map<Long, Type> following = new LinkedHashMap<>();
        for (Interaction i : recent) {
            if (i.episodeId() != null && (i.type() == Type.LIKE || i.type() == Type.DISLIKE)) {
                episodeJudgement.putIfAbsent(i.episodeId(), i.type());
            }
            if (i.podcastId() != null && (i.type() == Type.SUBSCRIBE || i.type() == Type.UNSUBSCRIBE)) {
                following.putIfAbsent(i.podcastId(), i.type());
            }
        }
        List<Long> liked = episodeJudgement.entrySet().stream().filter(e -> e.getValue() == Type.LIKE).map(Map.Entry::getKey)
                .toList();
        List<Long> subscribed = following.entrySet().stream().filter(e -> e.getValue() == Type.SUBSCRIBE)
                .map(Map.Entry::getKey).toList();

        Set<Long> episodeIds = new LinkedHashSet<>(liked);
        shown.stream().map(Interaction::episodeId).filter(id -> id != null).forEach(episodeIds::add);
        Map<Long, Episode> episodes = new HashMap<>();
        catalogue.episodes(episodeIds).forEach(e -> episodes.put(e.id(), e));
        Set<Long> podcastIds = new LinkedHashSet<>(subscribed);
        shown.stream().map(Interaction::podcastId).filter(id -> id != null).forEach(podcastIds::add);
        episodes.values().forEach(e -> podcastIds.add(e.podcastId()));
        Map<Long, Podcast> podcasts = new HashMap<>();
        catalogue.podcasts(podcastIds).forEach(p -> podcasts.put(p.id(), p));

        List<HistoryItem> history = new ArrayList<>();
        for (Interaction i : shown) {
            Episode episode = i.episodeId() == null ? null : episodes.get(i.episodeId());
            Podcast podcast = i.podcastId() == null ? null : podcasts.get(i.podcastId());
            history.add(new HistoryItem(i.type(), i.positionSeconds(), i.at(), episode, podcast));
        }
        List<EpisodeItem> likes = new ArrayList<>();
        for (Long id : liked) {
            Episode episode = episodes.get(id);
            if (episode != null && podcasts.containsKey(episode.podcastId())) {
                likes.add(new EpisodeItem(episode, podcasts.get(episode.podcastId())));
            }
        }
        List<Podcast> subscriptions = subscribed.stream().map(podcasts::get).filter(p -> p != null).toList();

        Preferences prefs = preferences.preferences(userId);
        Set<String> codes = new TreeSet<>(Listeners.languages(index));
        codes.addAll(prefs.languages()); // a chosen language stays visible even if no podcast has it now
        List<LanguageChoice> languages = codes.stream().map(c -> new LanguageChoice(c, prefs.languages().contains(c))).toList();
        String uiLanguage = uiLanguages.uiLanguage(identity.getPrincipal().getName()).orElse(null);
        return Templates.me(Viewer.of(identity), history, likes, subscriptions, prefs, languages, uiLanguage, saved, error);
    }

    private long userId() {
        return Listeners.userId(identity).orElseThrow(UnauthorizedException::new);
    }
}

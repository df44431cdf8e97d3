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
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.Credit;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeDetails;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Reason;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.recommend.SimilarEpisodes;
import org.wavelength.web.http.Htmx;
import org.wavelength.web.i18n.AppMessages;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.UserAccount;
import org.wavelength.web.view.Links;
import org.wavelength.web.view.ShowNotes;

/** An episode to listen to: player, show notes, chapters, transcript, similar episodes, and the listener's verdict. */
@Path("/episodes/{id}")
@Produces(MediaType.TEXT_HTML)
public class EpisodePage {

    static final int SIMILAR_SHOWN = 8;
    /** What the page's buttons may record; the player records the rest through {@code /events}. */
    static final Set<String> VERDICTS = Set.of("LIKE", "DISLIKE", "NOT_INTERESTED");
    static final Set<String> PLAYER_EVENTS = Set.of("PLAY", "PROGRESS", "COMPLETE");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance episode(Viewer viewer, Episode episode, Podcast podcast, String showNotes,
                String audioSrc, List<Chapter> chapters, List<TimedLine> transcript, List<Similar> similar,
                List<Credit> people, String message);

        /** The verdict buttons and their confirmation: htmx's answer to a verdict, instead of the whole page. */
        static native TemplateInstance episode$verdict(Viewer viewer, Episode episode, Podcast podcast, String message);
    }

    /** A transcript segment with its start in whole seconds (rounded down: the link never misses its first words). */
    public record TimedLine(long second, String clock, String speaker, String text) {
    }

    public record Similar(Episode episode, Podcast podcast, Reason reason) {
    }

    private final CatalogueStore catalogue;
    private final SimilarEpisodes similarEpisodes;
    private final ListenerActions actions;
    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;

    public EpisodePage(CatalogueStore catalogue, SimilarEpisodes similarEpisodes, ListenerActions actions,
            ChosenUiLanguage chosen, CurrentListener listener) {
        this.catalogue = catalogue;
        this.similarEpisodes = similarEpisodes;
        this.actions = actions;
        this.chosen = chosen;
        this.listener = listener;
    }

    @GET
    public TemplateInstance episode(@PathParam("id") long id, @QueryParam("t") String t,
            @QueryParam("done") String done) {
        EpisodeDetails details = catalogue.episodeDetails(id).orElseThrow(() -> new UnknownItemException("episode", id));
        Episode episode = details.episode();
        Podcast podcast = catalogue.podcast(episode.podcastId())
                .orElseThrow(() -> new UnknownItemException("podcast", episode.podcastId()));
        Long start = seconds(t);
        // A media fragment starts the player there without JavaScript; player.js seeks when it runs.
        String audioSrc = episode.audioUrl() == null ? null
                : start == null ? episode.audioUrl() : episode.audioUrl() + "#t=" + start;
        // The feed's HTML is untrusted: only the sanitised show notes reach the page.
        String notes = ShowNotes.of(details);
        List<TimedLine> transcript = details.transcript() == null ? List.of()
                : details.transcript().stream().map(EpisodePage::line).toList();
        return Templates.episode(Viewer.of(listener), episode, podcast, notes, audioSrc, details.chapters(), transcript,
                similar(id), catalogue.episodeCredits(List.of(id)).getOrDefault(id, List.of()), confirmation(done));
    }

    /** The confirmation after a verdict, by key: a link cannot put words of its own on the page. */
    private String confirmation(String done) {
        AppMessages messages = chosen.messages();
        return switch (done == null ? "" : done) {
            case "LIKE" -> messages.verdictLiked();
            case "DISLIKE" -> messages.verdictDisliked();
            case "NOT_INTERESTED" -> messages.verdictNotInterested();
            default -> null;
        };
    }

    /**
     * A one-click verdict from the page's forms: back to the episode (post, redirect, get), or, for
     * htmx, just the verdict section with its confirmation.
     */
    @POST
    @Path("/interactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ UserAccount.ROLE_USER, UserAccount.ROLE_ADMIN })
    public Response verdict(@PathParam("id") long id, @RestForm String type, @HeaderParam(Htmx.REQUEST) boolean htmx) {
        String name = type == null ? "" : type.strip();
        if (!VERDICTS.contains(name)) {
            throw new BadRequestException(chosen.messages().verdictFormOnly());
        }
        actions.record(listener.requireId(), id, null, name, null);
        if (htmx) {
            Episode episode = catalogue.episodes(List.of(id)).get(0);
            Podcast podcast = catalogue.podcast(episode.podcastId())
                    .orElseThrow(() -> new UnknownItemException("podcast", episode.podcastId()));
            return Response.ok(Templates.episode$verdict(Viewer.of(listener), episode, podcast, confirmation(name)))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.seeOther(URI.create("/episodes/" + id + "?done=" + name)).build();
    }

    /** The player's events (player.js), form-encoded with the CSRF token; the same service as the API. */
    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ UserAccount.ROLE_USER, UserAccount.ROLE_ADMIN })
    public Response event(@PathParam("id") long id, @RestForm String type, @RestForm String positionSeconds) {
        String name = type == null ? "" : type.strip();
        if (!PLAYER_EVENTS.contains(name)) {
            throw new BadRequestException(chosen.messages().playerEventsOnly());
        }
        Long position = seconds(positionSeconds);
        actions.record(listener.requireId(), id, null, name,
                position == null ? null : (int) Math.min(position, Integer.MAX_VALUE));
        return Response.noContent().build();
    }

    private List<Similar> similar(long id) {
        return similarEpisodes.similarTo(id, SIMILAR_SHOWN).stream()
                .map(r -> new Similar(r.item().episode(), r.item().podcast(), r.reason())).toList();
    }

    private static TimedLine line(TranscriptSegment segment) {
        long second = Links.wholeSeconds(segment.start());
        return new TimedLine(second, Links.clock(second), segment.speaker(), segment.text());
    }

    /** A start time in whole seconds; anything else (words, negatives, huge numbers) is ignored rather than an error. */
    static Long seconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            return Double.isFinite(seconds) && seconds >= 0 && seconds < 1e9 ? (long) Math.floor(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package org.wavelength.web.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.EpisodeDetails;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.recommend.SimilarEpisodes;

@Path("/api/episodes")
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeResource {

    private final CatalogueStore catalogue;
    private final SimilarEpisodes similarEpisodes;

    public EpisodeResource(CatalogueStore catalogue, SimilarEpisodes similarEpisodes) {
        this.catalogue = catalogue;
        this.similarEpisodes = similarEpisodes;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An episode with its sanitised show notes, transcript (null when none) and chapters")
    public EpisodeView get(@PathParam("id") long id) {
        return catalogue.episodeDetails(id).map(EpisodeView::of).orElseThrow(() -> new UnknownItemException("episode", id));
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "Episodes close in subject to this one, a few at most from one podcast, with a reason each")
    public Similar similar(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("10") int limit) {
        Paging.checkLimit(limit);
        List<Recommendation<Episode>> similar = similarEpisodes.similarTo(id, limit);
        Map<Long, Podcast> podcasts = catalogue.podcasts(similar.stream().map(r -> r.item().podcastId()).distinct().toList())
                .stream().collect(Collectors.toMap(Podcast::id, Function.identity()));
        return new Similar(similar.stream().filter(r -> podcasts.containsKey(r.item().podcastId()))
                .map(r -> new Similar.Item(EpisodeBrief.of(r.item()), PodcastView.of(podcasts.get(r.item().podcastId())),
                        r.score(), r.reason().text()))
                .toList());
    }

    public record Similar(List<Item> items) {
        public record Item(EpisodeBrief episode, PodcastView podcast, double score, String reason) {
        }
    }

    public record EpisodeView(long id, long podcastId, String title, Instant publishedAt, Integer durationSeconds,
            String audioUrl, String imageUrl, Integer season, Integer episodeNumber, String episodeType,
            String descriptionHtml, Transcript transcript, List<Chapter> chapters, List<FeedContent.Person> persons,
            List<FeedContent.Enclosure> enclosures, Instant goneFromFeedAt) {

        static EpisodeView of(EpisodeDetails details) {
            var e = details.episode();
            return new EpisodeView(e.id(), e.podcastId(), e.title(), e.publishedAt(), e.durationSeconds(), e.audioUrl(),
                    e.imageUrl(), e.season(), e.episodeNumber(), e.episodeType(),
                    ShowNotes.sanitise(details.descriptionHtml() != null ? details.descriptionHtml() : e.description()),
                    details.transcript() == null ? null : new Transcript(details.transcript()), details.chapters(),
                    details.persons(), details.enclosures(), e.goneFromFeedAt());
        }
    }

    public record Transcript(List<TranscriptSegment> segments) {
    }
}

package org.wavelength.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.EpisodeDetails;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;

@Path("/api/episodes")
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeResource {

    private final CatalogueStore catalogue;

    public EpisodeResource(CatalogueStore catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An episode with its sanitised show notes, transcript (null when none) and chapters")
    public EpisodeView get(@PathParam("id") long id) {
        return catalogue.episodeDetails(id).map(EpisodeView::of).orElseThrow(() -> new UnknownItemException("episode", id));
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

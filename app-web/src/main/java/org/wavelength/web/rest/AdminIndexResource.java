package org.wavelength.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.index.IndexRebuild;
import org.wavelength.core.index.IndexWrites;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorStore;
import org.wavelength.web.security.UserAccount;

@Path("/api/admin/index")
@RolesAllowed(UserAccount.ROLE_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminIndexResource {

    private final SegmentedIndex index;
    private final VectorStore store;
    private final IndexRebuild rebuild;
    private final IndexWrites writes;

    public AdminIndexResource(SegmentedIndex index, VectorStore store, IndexRebuild rebuild, IndexWrites writes) {
        this.index = index;
        this.store = store;
        this.rebuild = rebuild;
        this.writes = writes;
    }

    @GET
    @Operation(summary = "Segments, their models, point counts and serving collections, and rebuild progress")
    public Status status() {
        List<SegmentView> segments = index.segments().stream().map(segment -> {
            String serving = index.serving(segment).orElse(null);
            Segments.Collection parsed = serving == null ? null : Segments.parse(serving);
            return new SegmentView(segment, serving, parsed == null ? null : parsed.modelId(),
                    new Points(index.count(segment, VectorFilter.kind(ItemKind.PODCAST)),
                            index.count(segment, VectorFilter.kind(ItemKind.EPISODE)),
                            index.count(segment, VectorFilter.kind(ItemKind.PASSAGE)),
                            index.count(segment, VectorFilter.kind(ItemKind.USER))));
        }).toList();
        return new Status(writes.mode().name().toLowerCase(), writes.pending(), segments, store.collections(),
                rebuild.progress().values().stream().map(RebuildView::of).toList());
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild a segment from the database into a new collection (optionally with another model) while the old one serves, then switch atomically")
    public Response rebuild(@QueryParam("segment") String segment, @QueryParam("model") String model) {
        if (segment == null || !segment.matches("[a-z]{2,3}")) {
            throw new BadRequestException("Name the segment to rebuild, a language code such as ?segment=en.");
        }
        try {
            return Response.accepted(RebuildView.of(rebuild.start(segment, model == null || model.isBlank() ? null : model)))
                    .build();
        } catch (IllegalStateException e) {
            return Problem.response(Response.Status.CONFLICT, e.getMessage(), "/api/admin/index/rebuild");
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    public record Status(String mode, int pendingWrites, List<SegmentView> segments, List<String> collections,
            List<RebuildView> rebuilds) {
    }

    public record SegmentView(String segment, String serving, String model, Points points) {
    }

    public record Points(long podcasts, long episodes, long passages, long users) {
    }

    public record RebuildView(String segment, String model, String previous, String target, String state, long done,
            long total, String error, Instant startedAt, Instant finishedAt) {
        static RebuildView of(IndexRebuild.Progress p) {
            return new RebuildView(p.segment(), p.model(), p.previous(), p.target(), p.state().name(), p.done(), p.total(),
                    p.error(), p.startedAt(), p.finishedAt());
        }
    }
}

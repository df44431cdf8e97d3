package org.wavelength.web.page;

import org.wavelength.web.input.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.FeedStore;
import org.wavelength.ingest.IngestException;
import org.wavelength.ingest.service.FeedRegistration.OpmlImport;
import org.wavelength.ingest.service.FeedRegistration;
import org.wavelength.ingest.service.IngestWorker;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.UserAccount;

/** Feed administration in the browser; the same operations as the admin API. */
@Path("/admin")
@RolesAllowed(UserAccount.ROLE_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPage {

    static final int PAGE_SIZE = 50;
    /** Uploads larger than this are refused before parsing. */
    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Viewer viewer);

        static native TemplateInstance feeds(Viewer viewer, Page<Feed> feeds, String message, String error,
                boolean ingestEnabled);
    }

    private final FeedStore feeds;
    private final FeedRegistration registration;
    private final IngestWorker worker;
    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;

    public AdminPage(FeedStore feeds, FeedRegistration registration, IngestWorker worker, ChosenUiLanguage chosen,
            CurrentListener listener) {
        this.feeds = feeds;
        this.registration = registration;
        this.worker = worker;
        this.chosen = chosen;
        this.listener = listener;
    }

    @GET
    public TemplateInstance admin() {
        return Templates.dashboard(Viewer.of(listener));
    }

    @GET
    @Path("/feeds")
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("message") String message,
            @QueryParam("error") String error) {
        Paging.check(Math.max(page, 0), PAGE_SIZE);
        return page(Math.max(page, 0), message, error);
    }

    @POST
    @Path("/feeds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String url) {
        try {
            FeedStore.Registration result = registration.add(url == null ? "" : url);
            String message = result.created() ? chosen.messages().feedAdded(result.feed().url())
                    : chosen.messages().feedAlreadyPresent(result.feed().url());
            return backWith("message", message);
        } catch (IngestException e) {
            return backWith("error", e.getMessage());
        }
    }

    @POST
    @Path("/feeds/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.size() == 0) {
            return backWith("error", chosen.messages().chooseAFile());
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            return backWith("error", chosen.messages().fileTooLarge());
        }
        byte[] content = read(file);
        try {
            if (UploadKind.isOpml(content)) {
                OpmlImport result = registration.importOpml(content);
                return backWith("message", chosen.messages().opmlImported(result.added(), result.present(),
                        result.invalid().size()));
            }
            Feed feed = registration.ingestDocument(UploadKind.sourceOf(file.fileName()), content);
            return feed.lastError() == null
                    ? backWith("message", chosen.messages().feedIngested(feed.title(), file.fileName()))
                    : backWith("error", file.fileName() + ": " + feed.lastError());
        } catch (IngestException e) {
            return backWith("error", file.fileName() + ": " + e.getMessage());
        }
    }

    @GET
    @Path("/feeds.opml")
    @Produces("text/x-opml")
    public Response exportOpml() {
        return Response.ok(registration.exportOpml())
                .header("Content-Disposition", "attachment; filename=\"wavelength-feeds.opml\"").build();
    }

    @POST
    @Path("/feeds/{id}/refresh")
    public Response refresh(@PathParam("id") long id) {
        Feed feed = feeds.feed(id).orElseThrow(() -> new UnknownItemException("feed", id));
        registration.refresh(id);
        return backWith("message", chosen.messages().fetchingAgain(feed.url()));
    }

    private TemplateInstance page(int page, String message, String error) {
        return Templates.feeds(Viewer.of(listener), feeds.feeds(page, PAGE_SIZE), message, error, worker.enabled());
    }

    /** Post, redirect, get: a reload does not submit the form twice. */
    private static Response backWith(String kind, String text) {
        return Response.seeOther(URI.create("/admin/feeds?" + kind + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

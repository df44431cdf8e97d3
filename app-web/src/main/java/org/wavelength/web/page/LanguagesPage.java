package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.wavelength.core.browse.Directory;
import org.wavelength.core.domain.LanguageCount;
import org.wavelength.web.security.CurrentListener;

/** The languages, and one language's page: its popular and new episodes, and its podcasts. */
@Path("/languages")
@Produces(MediaType.TEXT_HTML)
public class LanguagesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance languages(Viewer viewer, List<LanguageCount> languages);

        static native TemplateInstance language(Viewer viewer, LanguageCount language, Shelf shelf);
    }

    private final Directory directory;
    private final CurrentListener listener;

    public LanguagesPage(Directory directory, CurrentListener listener) {
        this.directory = directory;
        this.listener = listener;
    }

    @GET
    public TemplateInstance languages() {
        return Templates.languages(Viewer.of(listener), directory.languages());
    }

    /** A code ("en") or any tag of it ("en-GB"); one nobody speaks here is a 404 page, one that is no code a 400. */
    @GET
    @Path("/{code}")
    public TemplateInstance language(@PathParam("code") String code) {
        LanguageCount language = directory.language(code);
        return Templates.language(Viewer.of(listener), language, Shelf.of(directory, language.code(), null));
    }
}

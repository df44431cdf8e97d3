package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.wavelength.core.browse.Category;
import org.wavelength.core.browse.Directory;
import org.wavelength.web.security.CurrentListener;

/** The categories, and one category's page: its subcategories, popular and new episodes, and podcasts. */
@Path("/categories")
@Produces(MediaType.TEXT_HTML)
public class CategoriesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance categories(Viewer viewer, List<Category> categories);

        static native TemplateInstance category(Viewer viewer, Category category, Shelf shelf);
    }

    private final Directory directory;
    private final CurrentListener listener;

    public CategoriesPage(Directory directory, CurrentListener listener) {
        this.directory = directory;
        this.listener = listener;
    }

    @GET
    public TemplateInstance categories() {
        return Templates.categories(Viewer.of(listener), directory.categories());
    }

    /** Any name a feed gives, "/" included; an unknown one is a 404 page. */
    @GET
    @Path("/{name: .+}")
    public TemplateInstance category(@PathParam("name") String name) {
        Category category = directory.category(name);
        return Templates.category(Viewer.of(listener), category, Shelf.of(directory, null, category.name()));
    }
}

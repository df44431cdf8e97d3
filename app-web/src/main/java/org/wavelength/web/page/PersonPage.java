package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wavelength.core.browse.People;
import org.wavelength.web.security.CurrentListener;

/** A host, guest or author: the podcasts and the newest episodes that credit them. */
@Path("/people/{id}")
@Produces(MediaType.TEXT_HTML)
public class PersonPage {

    static final int EPISODES_SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance person(Viewer viewer, People.Profile profile);
    }

    private final People people;
    private final CurrentListener listener;

    public PersonPage(People people, CurrentListener listener) {
        this.people = people;
        this.listener = listener;
    }

    @GET
    public TemplateInstance person(@PathParam("id") long id) {
        return Templates.person(Viewer.of(listener), people.person(id, EPISODES_SHOWN));
    }
}

package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.wavelength.core.browse.People;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Person;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.search.CatalogueSearch.Hit;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.input.FilterParams;
import org.wavelength.web.input.SearchParams;
import org.wavelength.web.security.CurrentListener;

/** Search in the browser: a GET form, so results can be bookmarked and work without JavaScript. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    static final String RESULTS = "30";
    static final int PEOPLE_SHOWN = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Viewer viewer, Form form, boolean searched, String error,
                List<Shown> podcasts, List<Shown> episodes, List<Shown> passages, List<Person> people, int found,
                int fewerThanAsked);
    }

    /**
     * A result as the page shows it, with why it matched: its title and its description (around the first
     * matched word) or its passage's text, the query's matched terms marked ({@link HitMarkup}).
     */
    public record Shown(Podcast podcast, Episode episode, Passage passage, RawString title, RawString text) {

        static Shown of(Hit hit) {
            List<String> terms = hit.matchedTerms();
            return switch (hit.kind()) {
                case PODCAST -> new Shown(hit.podcast(), null, null, HitMarkup.marked(hit.podcast().title(), terms),
                        HitMarkup.snippet(hit.podcast().description(), terms));
                case EPISODE -> new Shown(hit.podcast(), hit.episode(), null, HitMarkup.marked(hit.episode().title(), terms),
                        HitMarkup.snippet(hit.episode().description(), terms));
                default -> new Shown(hit.podcast(), hit.episode(), hit.passage(), HitMarkup.marked(hit.episode().title(), terms),
                        HitMarkup.marked(hit.passage().text(), terms));
            };
        }
    }

    /** What was asked, to fill the form in again. */
    public record Form(String q, String type, String language, String category, String minDuration, String maxDuration,
            String explicit) {
    }

    private final CatalogueSearch search;
    private final People people;
    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;

    public SearchPage(CatalogueSearch search, People people, ChosenUiLanguage chosen, CurrentListener listener) {
        this.search = search;
        this.people = people;
        this.chosen = chosen;
        this.listener = listener;
    }

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("language") String language, @QueryParam("category") String category,
            @QueryParam("minDuration") String minDuration, @QueryParam("maxDuration") String maxDuration,
            @QueryParam("explicit") String explicit, @Context UriInfo uri) {
        Form form = new Form(q == null ? "" : q, blank(type), blank(language), blank(category), blank(minDuration),
                blank(maxDuration), blank(explicit));
        Viewer viewer = Viewer.of(listener);
        // The first visit has no q at all: just the form. An empty q ("?q=") was a submitted form: say what is missing.
        if (q == null && !uri.getQueryParameters().containsKey("q")) {
            return Templates.search(viewer, form, false, null, List.of(), List.of(), List.of(), List.of(), 0, 0);
        }
        List<Hit> hits;
        try {
            // The API's parameters, so that the page and the API accept and refuse the same input.
            var filters = new FilterParams(language, list(category), explicit, minDuration, maxDuration, null);
            hits = search.search(new SearchParams(q, list(type), RESULTS, filters).toQuery());
        } catch (InvalidInputException e) {
            return Templates.search(viewer, form, false, chosen.wording(e), List.of(), List.of(), List.of(), List.of(), 0, 0);
        }
        // People by name, beside what the words mean: "Adam Curry" finds him, and the shows he is on.
        List<Person> named = People.searchable(q) ? people.search(q, PEOPLE_SHOWN) : List.of();
        return Templates.search(viewer, form, true, null, of(hits, ItemKind.PODCAST), of(hits, ItemKind.EPISODE),
                of(hits, ItemKind.PASSAGE), named, hits.size() + named.size(),
                // Fewer than asked for: the relevance floor left the rest out, and the page says so.
                hits.size() < Integer.parseInt(RESULTS) ? hits.size() : 0);
    }

    private static List<Shown> of(List<Hit> hits, ItemKind kind) {
        return hits.stream().filter(hit -> hit.kind() == kind).map(Shown::of).toList();
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}

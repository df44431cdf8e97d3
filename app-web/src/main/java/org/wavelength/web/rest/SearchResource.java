package org.wavelength.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.search.CatalogueSearch.Hit;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.web.rest.PodcastResource.EpisodeSummary;

/** Search over podcasts, episodes and transcript passages; public, like the rest of the catalogue. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    public static final int MAX_LIMIT = 50;
    static final int MAX_QUERY_LENGTH = 1000;
    /** Keeps minutes * 60 within an int. */
    static final int MAX_MINUTES = 100_000;

    private static final Map<String, ItemKind> TYPES = Map.of("podcast", ItemKind.PODCAST, "episode", ItemKind.EPISODE,
            "passage", ItemKind.PASSAGE);
    private static final String TYPE_NAMES = "podcast, episode, passage";
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");

    private final CatalogueSearch search;

    public SearchResource(CatalogueSearch search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Search podcasts, episodes and transcript passages",
            description = "Semantic (embedding) and keyword (BM25) results fused by reciprocal rank. A passage hit "
                    + "carries its text, speaker, start and end in seconds, and a link to the episode at that time.")
    @APIResponse(responseCode = "200", description = "The results, best first (possibly none)")
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed; the problem's detail says which")
    public Results search(
            @Parameter(description = "What to look for: words or a sentence (required, at most 1000 characters)")
            @QueryParam("q") String q,
            @Parameter(description = "podcast, episode or passage; repeat it (or separate with commas) for several. "
                    + "Without it, all three kinds are mixed")
            @QueryParam("type") List<String> type,
            @Parameter(description = "Only content in this language, by primary subtag: en also finds en-US")
            @QueryParam("language") String language,
            @Parameter(description = "Only podcasts with this category, as the feed names it (case matters); "
                    + "repeat it for any of several")
            @QueryParam("category") List<String> category,
            @Parameter(description = "true: only podcasts marked explicit; false: only those not marked explicit")
            @QueryParam("explicit") String explicit,
            @Parameter(description = "Only episodes (and their passages) of at least this many minutes; podcasts, "
                    + "which have no duration, are left out")
            @QueryParam("minDuration") String minDuration,
            @Parameter(description = "Only episodes (and their passages) of at most this many minutes; podcasts are "
                    + "left out")
            @QueryParam("maxDuration") String maxDuration,
            @Parameter(description = "Only episodes (and their passages) published on or after this ISO date "
                    + "(2024-05-31, from midnight UTC) or instant (2024-05-31T12:00:00Z); podcasts are left out")
            @QueryParam("publishedAfter") String publishedAfter,
            @Parameter(description = "How many results, 1 to 50 (default 20)")
            @QueryParam("limit") String limit) {
        var query = query(q, type, language, category, explicit, minDuration, maxDuration, publishedAfter, limit);
        return new Results(search.search(query).stream().map(Results.Item::of).toList());
    }

    public record Results(List<Item> items) {

        /** {@code episode} is absent for podcasts; {@code passage} and {@code link} are there for passages only. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Item(String type, PodcastView podcast, EpisodeSummary episode, PassageView passage, String link,
                double score) {

            static Item of(Hit hit) {
                EpisodeSummary episode = hit.episode() == null ? null : EpisodeSummary.of(hit.episode());
                PassageView passage = null;
                String link = null;
                if (hit.passage() != null) {
                    var p = hit.passage();
                    passage = new PassageView(p.text(), p.start(), p.end(), p.speaker());
                    // Whole seconds, rounded down: playing from there never misses the passage's first words.
                    link = "/episodes/" + hit.episode().id() + "?t=" + (long) Math.floor(p.start());
                }
                return new Item(hit.kind().name().toLowerCase(Locale.ROOT), PodcastView.of(hit.podcast()), episode,
                        passage, link, hit.score());
            }
        }

        /** A piece of a transcript; {@code start} and {@code end} are seconds from the start of the episode. */
        public record PassageView(String text, double start, double end, String speaker) {
        }
    }

    /**
     * The parameters as sent, checked and turned into a query; shared with the search page so that both
     * accept the same input. Throws BadRequestException with a message for a person.
     */
    public static CatalogueSearch.Query query(String q, List<String> type, String language, List<String> category,
            String explicit, String minDuration, String maxDuration, String publishedAfter, String limit) {
        String text = text(q);
        Integer min = minutes("minDuration", minDuration);
        Integer max = minutes("maxDuration", maxDuration);
        if (min != null && max != null && min > max) {
            throw new BadRequestException("minDuration (" + min / 60 + ") is more than maxDuration (" + max / 60 + ").");
        }
        VectorFilter filter = VectorFilter.ALL.withLanguage(language(language))
                .withCategories(categories(category))
                .withExplicit(bool("explicit", explicit))
                .withDuration(min, max)
                .withPublishedAfter(date(publishedAfter));
        return CatalogueSearch.Query.of(text, kinds(type), filter, limit(limit));
    }

    // ---------------------------------------------------------------- parameters

    private static String text(String q) {
        if (q == null || q.isBlank()) {
            throw new BadRequestException("Say what to search for: q is missing or blank.");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new BadRequestException("q is at most " + MAX_QUERY_LENGTH + " characters; it was " + q.length() + ".");
        }
        return q.strip();
    }

    private static Set<ItemKind> kinds(List<String> values) {
        Set<ItemKind> kinds = EnumSet.noneOf(ItemKind.class);
        for (String value : values == null ? List.<String>of() : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                ItemKind kind = TYPES.get(name.strip().toLowerCase(Locale.ROOT));
                if (kind == null) {
                    throw new BadRequestException("type must be one of " + TYPE_NAMES + "; it was '" + name.strip() + "'.");
                }
                kinds.add(kind);
            }
        }
        return kinds; // empty: all kinds
    }

    private static String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LANGUAGE.matcher(value.strip()).matches()) {
            throw new BadRequestException("language must be a language tag such as en or en-US; it was '" + value + "'.");
        }
        return value.strip();
    }

    private static Set<String> categories(List<String> values) {
        Set<String> categories = new LinkedHashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(categories::add);
        }
        return categories;
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException(name + " must be true or false; it was '" + value + "'.");
        };
    }

    /** Seconds, from a whole number of minutes. */
    private static Integer minutes(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(value.strip());
            if (minutes >= 0 && minutes <= MAX_MINUTES) {
                return minutes * 60;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name + " is a whole number of minutes from 0 to " + MAX_MINUTES + "; it was '"
                + value + "'.");
    }

    private static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                throw new BadRequestException("publishedAfter must be an ISO date such as 2024-05-31 or an instant such "
                        + "as 2024-05-31T12:00:00Z; it was '" + value + "'.");
            }
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + "; it was '" + value + "'.");
    }
}

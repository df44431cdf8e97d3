package org.wavelength.web.input;

import jakarta.ws.rs.QueryParam;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.LanguageTag;
import org.wavelength.core.port.VectorFilter;

/**
 * The query parameters that narrow search and recommendations, on the API and the search page alike
 * ({@code @BeanParam}): one set of limits and messages, read strictly, so that a value that cannot
 * be meant is a 400 that says why.
 */
public class FilterParams {

    static final int MAX_CATEGORIES = 20;
    /** A week: longer bounds are typing errors, and minutes times 60 stays far from overflow. */
    static final int MAX_MINUTES = 7 * 24 * 60;

    @QueryParam("language")
    @Parameter(description = "Only content in this language, by primary subtag: en also finds en-US")
    String language;

    @QueryParam("category")
    @Parameter(description = "Only podcasts with one of these categories, as their feeds name them (case matters); "
            + "repeat it for several")
    List<String> category;

    @QueryParam("explicit")
    @Parameter(description = "true: only podcasts marked explicit; false: only those not marked explicit")
    String explicit;

    @QueryParam("minDuration")
    @Parameter(description = "Only episodes (and their passages) of at least this many minutes; podcasts, which have "
            + "no duration, are left out")
    String minDuration;

    @QueryParam("maxDuration")
    @Parameter(description = "Only episodes (and their passages) of at most this many minutes; podcasts are left out")
    String maxDuration;

    @QueryParam("publishedAfter")
    @Parameter(description = "Only episodes (and their passages) published on or after this ISO date (2024-05-31, "
            + "from midnight UTC) or instant (2024-05-31T12:00:00Z); podcasts are left out")
    String publishedAfter;

    public FilterParams() {
    }

    public FilterParams(String language, List<String> category, String explicit, String minDuration, String maxDuration,
            String publishedAfter) {
        this.language = language;
        this.category = category;
        this.explicit = explicit;
        this.minDuration = minDuration;
        this.maxDuration = maxDuration;
        this.publishedAfter = publishedAfter;
    }

    /**
     * The filter the parameters ask for.
     *
     * @throws InvalidInputException saying which parameter cannot be meant, and why
     */
    public VectorFilter toFilter() {
        VectorFilter filter = VectorFilter.ALL;
        if (present(language)) {
            filter = filter.withLanguage(LanguageTag.parse(language, "language").value());
        }
        Set<String> categories = new LinkedHashSet<>();
        if (category != null) {
            category.stream().filter(FilterParams::present).map(String::strip).forEach(categories::add);
        }
        if (categories.size() > MAX_CATEGORIES) {
            throw new InvalidInputException("Ask for at most " + MAX_CATEGORIES + " categories at once.");
        }
        Integer min = minutes(minDuration, "minDuration");
        Integer max = minutes(maxDuration, "maxDuration");
        if (min != null && max != null && min > max) {
            throw new InvalidInputException("minDuration (" + min + ") is more than maxDuration (" + max + ").");
        }
        return filter.withCategories(categories).withExplicit(bool(explicit, "explicit"))
                .withDuration(min == null ? null : min * 60, max == null ? null : max * 60)
                .withPublishedAfter(present(publishedAfter) ? instant(publishedAfter.strip()) : null);
    }

    /** A whole number between 1 and {@code max}; {@code fallback} when absent. */
    public static int limit(String value, int fallback, int max) {
        return present(value) ? wholeNumber(value, 1, max,
                "limit must be between 1 and " + max + "; it was '" + value + "'.") : fallback;
    }

    private static int wholeNumber(String value, int min, int max, String message) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(message);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Boolean bool(String value, String name) {
        if (!present(value)) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(name + " is true or false; it was '" + value + "'.");
        };
    }

    private static Integer minutes(String value, String name) {
        return present(value) ? wholeNumber(value, 0, MAX_MINUTES, name + " is a whole number of minutes from 0 to "
                + MAX_MINUTES + "; it was '" + value + "'.") : null;
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException("publishedAfter takes an ISO date such as 2024-05-31 or a date and time such"
                    + " as 2024-05-31T12:00:00Z; it was '" + value + "'.");
        }
    }
}

package org.wavelength.web.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.wavelength.core.port.VectorFilter;

/** The query parameters that narrow recommendations, read strictly: a value that cannot be meant is a 400. */
final class RecommendationFilters {

    /** A BCP 47 tag's shape (en, en-GB, pt_BR); only its primary subtag selects a segment. */
    static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");

    static final int MAX_CATEGORIES = 20;

    /** A week: longer bounds are typing errors, and minutes times 60 stays far from overflow. */
    static final int MAX_MINUTES = 7 * 24 * 60;

    private RecommendationFilters() {
    }

    static VectorFilter parse(String language, List<String> categories, String explicit, String minDuration,
            String maxDuration, String publishedAfter) {
        VectorFilter filter = VectorFilter.ALL;
        if (present(language)) {
            filter = filter.withLanguage(language(language.strip(), "language"));
        }
        Set<String> wanted = new LinkedHashSet<>();
        if (categories != null) {
            categories.stream().filter(RecommendationFilters::present).map(String::strip).forEach(wanted::add);
        }
        if (wanted.size() > MAX_CATEGORIES) {
            throw new BadRequestException("Ask for at most " + MAX_CATEGORIES + " categories at once.");
        }
        filter = filter.withCategories(wanted);
        if (present(explicit)) {
            filter = filter.withExplicit(switch (explicit.strip().toLowerCase()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new BadRequestException("explicit is true or false; it was " + explicit + ".");
            });
        }
        Integer min = minutes(minDuration, "minDuration");
        Integer max = minutes(maxDuration, "maxDuration");
        if (min != null && max != null && min > max) {
            throw new BadRequestException("minDuration (" + min + ") is more than maxDuration (" + max + ").");
        }
        filter = filter.withDuration(min == null ? null : min * 60, max == null ? null : max * 60);
        if (present(publishedAfter)) {
            filter = filter.withPublishedAfter(instant(publishedAfter.strip()));
        }
        return filter;
    }

    static String language(String value, String name) {
        if (!LANGUAGE.matcher(value).matches()) {
            throw new BadRequestException(name + " takes a language code such as en or pt-BR; it was " + value + ".");
        }
        return value;
    }

    private static Integer minutes(String value, String name) {
        if (!present(value)) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(value.strip());
            if (minutes >= 0 && minutes <= MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException(name + " is a whole number of minutes from 0 to " + MAX_MINUTES + "; it was "
                + value + ".");
    }

    private static Instant instant(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new BadRequestException("publishedAfter takes an ISO date such as 2024-01-31 or a date and time such as"
                    + " 2024-01-31T18:00:00Z; it was " + value + ".");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

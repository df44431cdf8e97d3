package org.wavelength.web.input;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.ReadableText;
import org.wavelength.core.search.CatalogueSearch;

/** A search as the API and the search page take it ({@code @BeanParam}): the words, the kinds, the filters. */
public class SearchParams {

    public static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_QUERY_LENGTH = 1000;

    private static final Map<String, ItemKind> TYPES = Map.of("podcast", ItemKind.PODCAST, "episode", ItemKind.EPISODE,
            "passage", ItemKind.PASSAGE);

    @QueryParam("q")
    @Parameter(description = "What to look for: words or a sentence (required, at most 1000 characters)")
    String q;

    @QueryParam("type")
    @Parameter(description = "podcast, episode or passage; repeat it (or separate with commas) for several. "
            + "Without it, all three kinds are mixed")
    List<String> type;

    @QueryParam("limit")
    @Parameter(description = "How many results, 1 to 50 (default 20)")
    String limit;

    @BeanParam
    FilterParams filters;

    public SearchParams() {
    }

    public SearchParams(String q, List<String> type, String limit, FilterParams filters) {
        this.q = q;
        this.type = type;
        this.limit = limit;
        this.filters = filters;
    }

    /**
     * The query the parameters ask for.
     *
     * @throws InvalidInputException saying which parameter cannot be meant, and why
     */
    public CatalogueSearch.Query toQuery() {
        return CatalogueSearch.Query.of(words(), kinds(), filters == null ? new FilterParams().toFilter() : filters.toFilter(),
                FilterParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }

    private String words() {
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("Say what to search for: q is missing or blank.");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException("q is at most " + MAX_QUERY_LENGTH + " characters; it was " + q.length() + ".");
        }
        if (!ReadableText.hasWords(q)) {
            throw new InvalidInputException("Say what to search for in words: q holds no letters, digits or symbols, "
                    + "only characters that cannot be read.");
        }
        return ReadableText.of(q);
    }

    private Set<ItemKind> kinds() {
        Set<ItemKind> kinds = EnumSet.noneOf(ItemKind.class);
        for (String value : type == null ? List.<String>of() : type) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                ItemKind kind = TYPES.get(name.strip().toLowerCase(Locale.ROOT));
                if (kind == null) {
                    throw new InvalidInputException("type must be one of podcast, episode, passage; it was '"
                            + name.strip() + "'.");
                }
                kinds.add(kind);
            }
        }
        return kinds; // empty: all kinds
    }
}

package org.wavelength.core.browse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.CategoryCount;
import org.wavelength.core.domain.EpisodeItem;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.LanguageCount;
import org.wavelength.core.domain.LanguageTag;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.DirectoryFilter;
import org.wavelength.core.port.DirectoryStore;

/**
 * The catalogue as a podcast directory shows it: categories (with their subcategories) and languages,
 * how many podcasts each has, and in each what is popular this month and what is new.
 *
 * <p>Languages are segments ({@code en}, {@code zh}, {@code und}): "en-GB" and "en-us" are both English.
 * Categories are matched by name in any case; feeds that spell one differently ("technology") count
 * under the spelling most podcasts use, and under the parent most of them nest it in.
 */
public class Directory {

    /** The most items one call of the directory (or of {@link People}) returns. */
    public static final int MAX_LIMIT = 100;
    /** The longest category name the catalogue keeps. */
    static final int MAX_CATEGORY_LENGTH = 200;
    /** New episodes take at most this many of one podcast, so that a daily show does not fill the list. */
    static final int NEW_PER_PODCAST = 2;

    private final DirectoryStore store;
    private final CatalogueStore catalogue;
    private final Duration popularWindow;
    private final Clock clock;

    /** @param popularWindow how far back "popular" looks (the recommendations' popular window) */
    public Directory(DirectoryStore store, CatalogueStore catalogue, Duration popularWindow, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.popularWindow = popularWindow;
        this.clock = clock;
    }

    /** The top-level categories, by name, each with its subcategories (also by name). */
    public List<Category> categories() {
        return tree().topLevel();
    }

    /**
     * One category at any level, named in any case, with its subcategories.
     *
     * @throws UnknownItemException when no podcast lists it
     * @throws InvalidInputException when the name is blank or longer than a category's name can be
     */
    public Category category(String name) {
        String key = categoryKey(name);
        Category category = tree().byKey().get(key);
        if (category == null) {
            throw new UnknownItemException("category", name.strip());
        }
        return category;
    }

    /** The languages of the catalogue, most podcasts first. */
    public List<LanguageCount> languages() {
        return store.languages();
    }

    /**
     * One language, by its code or any tag of it ("en", "en-GB").
     *
     * @throws UnknownItemException when no podcast speaks it
     * @throws InvalidInputException when the code is not a language tag
     */
    public LanguageCount language(String code) {
        String segment = segment(code);
        if (segment == null) {
            throw new InvalidInputException("Name a language by its code, such as en or zh.");
        }
        return store.languages().stream().filter(l -> l.code().equals(segment)).findFirst()
                .orElseThrow(() -> new UnknownItemException("language", code.strip()));
    }

    /**
     * Podcasts in this language and category (null or blank: any), those with the most distinct
     * listeners within the popular window first, then the rest by episode count, then by title.
     * Empty for a category no podcast lists.
     *
     * @param language a language code or tag ("en", "zh-CN"), or null
     * @param category a category's name at any level, in any case, or null
     */
    public List<Podcast> podcasts(String language, String category, int limit) {
        List<Long> ids = store.podcasts(filter(language, category), popularSince(), checked(limit));
        Map<Long, Podcast> byId = catalogue.podcasts(ids).stream()
                .collect(Collectors.toMap(Podcast::id, Function.identity(), (a, b) -> a));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Episodes of these podcasts with the most distinct listeners within the popular window, most first. */
    public List<EpisodeItem> popularEpisodes(String language, String category, int limit) {
        return catalogue.episodeItems(store.popularEpisodes(filter(language, category), popularSince(), checked(limit)));
    }

    /** The newest episodes of these podcasts, at most {@value #NEW_PER_PODCAST} of each, newest first. */
    public List<EpisodeItem> newEpisodes(String language, String category, int limit) {
        return catalogue.withPodcasts(store.newestEpisodes(filter(language, category), NEW_PER_PODCAST, checked(limit)));
    }

    // ---- input ----

    private static DirectoryFilter filter(String language, String category) {
        return new DirectoryFilter(segment(language), category == null || category.isBlank() ? null : categoryKey(category));
    }

    private static String segment(String language) {
        return language == null || language.isBlank() ? null : LanguageTag.parse(language, "language").segment();
    }

    private static String categoryKey(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException("Name a category, such as Technology.");
        }
        if (stripped.length() > MAX_CATEGORY_LENGTH) {
            throw new InvalidInputException("A category's name has at most " + MAX_CATEGORY_LENGTH
                    + " characters; this one has " + stripped.length() + ".");
        }
        return stripped.toLowerCase(Locale.ROOT);
    }

    static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT + "; it was " + limit + ".");
        }
        return limit;
    }

    private Instant popularSince() {
        return clock.instant().minus(popularWindow);
    }

    // ---- the category tree ----

    private record Tree(List<Category> topLevel, Map<String, Category> byKey) {
    }

    /** One category's spellings and parents, summed over the feeds that list it. */
    private static final class Folded {
        final Map<String, Long> spellings = new HashMap<>();
        /** By the parent's key; the null key counts the podcasts that list it at the top level. */
        final Map<String, Long> parents = new HashMap<>();
        long podcasts;

        String name() {
            return mostCommon(spellings);
        }

        String parentKey() {
            return mostCommon(parents);
        }
    }

    private Tree tree() {
        Map<String, Folded> folded = new LinkedHashMap<>();
        for (CategoryCount row : store.categories()) {
            Folded category = folded.computeIfAbsent(row.name().toLowerCase(Locale.ROOT), k -> new Folded());
            category.spellings.merge(row.name(), row.podcasts(), Long::sum);
            category.parents.merge(row.parent() == null ? null : row.parent().toLowerCase(Locale.ROOT), row.podcasts(),
                    Long::sum);
            category.podcasts += row.podcasts();
        }
        Map<String, String> parentOf = new HashMap<>();
        folded.forEach((key, category) -> {
            String parent = category.parentKey();
            parentOf.put(key, parent != null && folded.containsKey(parent) ? parent : null);
        });
        breakCycles(parentOf);
        Map<String, List<String>> children = new HashMap<>();
        parentOf.forEach((child, parent) -> children.computeIfAbsent(parent, k -> new ArrayList<>()).add(child));
        Map<String, Category> byKey = new HashMap<>();
        List<Category> topLevel = new ArrayList<>();
        for (String key : children.getOrDefault(null, List.of())) {
            topLevel.add(build(key, folded, parentOf, children, byKey));
        }
        topLevel.sort(BY_NAME);
        return new Tree(List.copyOf(topLevel), byKey);
    }

    private static Category build(String key, Map<String, Folded> folded, Map<String, String> parentOf,
            Map<String, List<String>> children, Map<String, Category> byKey) {
        List<Category> subcategories = new ArrayList<>();
        for (String child : children.getOrDefault(key, List.of())) {
            subcategories.add(build(child, folded, parentOf, children, byKey));
        }
        subcategories.sort(BY_NAME);
        String parent = parentOf.get(key);
        Category category = new Category(folded.get(key).name(), parent == null ? null : folded.get(parent).name(),
                folded.get(key).podcasts, subcategories);
        byKey.put(key, category);
        return category;
    }

    /** Feeds that nest A in B and B in A would hide both: the category where a loop closes goes to the top. */
    private static void breakCycles(Map<String, String> parentOf) {
        for (String key : parentOf.keySet()) {
            Set<String> seen = new HashSet<>();
            String at = key;
            while (at != null && seen.add(at)) {
                at = parentOf.get(at);
            }
            if (at != null) {
                parentOf.put(at, null);
            }
        }
    }

    private static final Comparator<Category> BY_NAME = Comparator.comparing(Category::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Category::name);

    /** The key with the highest count; ties go to the null key (top level), then to the first in order. */
    private static String mostCommon(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(e -> e.getKey() == null)
                        .thenComparing(Map.Entry::getKey, Comparator.nullsFirst(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }
}

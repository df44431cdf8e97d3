package org.wavelength.core.search;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.CatalogueStore;

/**
 * Finds the podcast a listener means by a title written loosely: "off menu", "the Off Menu podcast",
 * "Of Menu", "Taverncast" (for "Taverncast - Happy Hour in Your Head"), "Giant Bomb" (for "Giant
 * Bombcast"), "故事FM". Titles are matched on their letters and digits, case and accents aside, whole and
 * by their short name (up to " with …", " - …", ": …", without "podcast"): equal scores 1; a leading part
 * of at least {@value #MIN_LEADING_CHARS} characters 0.85 to 1; one holding the other as whole words (or,
 * in Chinese, as characters) 0.7 to 1 by the share it covers; otherwise the overlap of character pairs
 * (Dice), times 0.9, which forgives a typo. Below {@value #MIN_SCORE} nothing is found; of several, the
 * best score, then the shortest title.
 *
 * <p>Titles are read page by page from the catalogue and kept for {@link #REFRESH}, not searched in the
 * index: a title is a name, which keyword search finds only where the store has it (not in Qdrant) and
 * semantic search finds poorly. A few thousand titles take well under a millisecond to compare.
 */
public class PodcastTitles {

    static final double MIN_SCORE = 0.6;
    /** A shorter leading part ("Gia") says too little to name a podcast. */
    static final int MIN_LEADING_CHARS = 4;
    static final Duration REFRESH = Duration.ofMinutes(10);
    static final int PAGE_SIZE = 1000;
    /** Titles kept at most: beyond, a catalogue would need a title index of its own. */
    static final int MAX_TITLES = 200_000;

    private final CatalogueStore catalogue;
    private final Clock clock;
    private volatile Titles titles;

    public PodcastTitles(CatalogueStore catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * The podcast whose title best matches, if one matches well enough; the closest when several do and,
     * among titles equally close (two podcasts called "Limetown"), the one with most episodes: the show
     * people mean rather than a one-episode copy.
     */
    public Optional<Podcast> find(String title) {
        String asked = normalised(title == null ? "" : title);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        // "The Off Menu podcast": the word is the listener's, rarely the title's.
        String bare = GENERIC_ENDING.matcher(asked).replaceFirst("");
        return titles().entries().stream()
                .map(e -> new Scored(e, Math.max(score(asked, e), bare.isEmpty() ? 0 : score(bare, e))))
                .filter(s -> s.score() >= MIN_SCORE)
                .min(Comparator.comparingDouble((Scored s) -> -s.score())
                        .thenComparingInt(s -> -s.entry().episodes())
                        .thenComparingInt(s -> s.entry().title().length())
                        .thenComparingLong(s -> s.entry().id()))
                .flatMap(best -> catalogue.podcast(best.entry().id()));
    }

    /** The better of the asked title against the whole title and against its short name. */
    private static double score(String asked, Entry entry) {
        double full = similarity(asked, entry.title());
        return entry.shortName().equals(entry.title()) ? full : Math.max(full, similarity(asked, entry.shortName()));
    }

    private Titles titles() {
        Titles current = titles;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.readAt().plus(REFRESH))) {
            current = new Titles(read(), now);
            titles = current;
        }
        return current;
    }

    private List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int page = 0; entries.size() < MAX_TITLES; page++) {
            Page<Podcast> podcasts = catalogue.podcasts(page, PAGE_SIZE);
            for (Podcast p : podcasts.items()) {
                String title = normalised(p.title() == null ? "" : p.title());
                if (!title.isEmpty() && seen.add(p.id())) {
                    entries.add(new Entry(p.id(), title, shortName(p.title()), p.episodeCount()));
                }
            }
            if (!podcasts.hasNext() || podcasts.items().isEmpty()) {
                break;
            }
        }
        return List.copyOf(entries);
    }

    /** A normalised title, the name people shorten it to, and how many episodes the podcast has. */
    private record Entry(long id, String title, String shortName, int episodes) {
    }

    private record Titles(List<Entry> entries, Instant readAt) {
    }

    private record Scored(Entry entry, double score) {
    }

    // ---------------------------------------------------------------- matching

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern GENERIC_ENDING = Pattern.compile(" (?:podcast|show|pod)$");
    /** What a title adds after its name: " with Ed Gamble…", " - Happy Hour in Your Head", ": the podcast". */
    private static final Pattern AFTER_THE_NAME = Pattern.compile("\\s+(?:-|–|—|:|\\||\\(|with\\s)");

    /** Letters and digits in lower case, accents dropped, words separated by one space, without a leading "the". */
    static String normalised(String title) {
        String text = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        text = NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return text.startsWith("the ") ? text.substring(4) : text;
    }

    /**
     * The name people call a podcast by: its title up to what it adds after the name ("Off Menu with Ed
     * Gamble and James Acaster", "Taverncast - Happy Hour in Your Head"), without a trailing "podcast";
     * read from the raw title, where the dash or colon still stands.
     */
    public static String shortName(String raw) {
        var cut = AFTER_THE_NAME.matcher(raw);
        String name = cut.find() && cut.start() > 0 ? raw.substring(0, cut.start()) : raw;
        String normal = GENERIC_ENDING.matcher(normalised(name)).replaceFirst("");
        return normal.isEmpty() ? normalised(raw) : normal;
    }

    /** How well a normalised title asked for matches a normalised title, in [0, 1]. */
    static double similarity(String asked, String title) {
        if (asked.equals(title)) {
            return 1;
        }
        // A leading part is how names are shortened ("Giant Bomb" for "Giant Bombcast"): above a match elsewhere.
        if (asked.length() >= MIN_LEADING_CHARS && title.startsWith(asked)) {
            return 0.85 + 0.15 * asked.length() / title.length();
        }
        if (holds(title, asked)) {
            return 0.7 + 0.3 * asked.length() / title.length();
        }
        if (holds(asked, title)) {
            return 0.7 + 0.3 * title.length() / asked.length();
        }
        String a = asked.replace(" ", "");
        String b = title.replace(" ", "");
        // Dice is at most 2 min / sum: titles of very different lengths need not be compared pair by pair.
        int shorter = Math.min(a.length(), b.length()) - 1;
        int pairs = a.length() + b.length() - 2;
        return pairs <= 0 || 0.9 * 2.0 * shorter / pairs < MIN_SCORE ? 0 : 0.9 * dice(a, b);
    }

    /** As whole words; Chinese has no spaces between words, so there as characters. */
    private static boolean holds(String text, String part) {
        return HAN.matcher(part).find() ? text.contains(part) : (" " + text + " ").contains(" " + part + " ");
    }

    /** Dice coefficient of the two texts' character pairs. */
    static double dice(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return 0;
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < a.length(); i++) {
            pairs.add(a.substring(i, i + 2));
        }
        int shared = 0;
        for (int i = 0; i + 1 < b.length(); i++) {
            if (pairs.remove(b.substring(i, i + 2))) {
                shared++;
            }
        }
        return 2.0 * shared / (a.length() - 1 + b.length() - 1);
    }
}

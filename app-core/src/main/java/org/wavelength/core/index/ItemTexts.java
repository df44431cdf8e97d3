package org.wavelength.core.index;

import java.util.StringJoiner;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;

/**
 * The text that stands for an item when it is embedded (and, in stores with keyword search, when it
 * is matched by BM25). The model reads a limited window (all-MiniLM-L6-v2: 256 word pieces).
 *
 * <p>A podcast's description comes first, then its title, author and categories. Measured on the
 * 4,560 Apple shows of {@code SimilarPodcastQualityBenchmark} (genre precision@10 of plain cosine
 * neighbours, all-MiniLM-L6-v2 int8), "description. title. author" scores 0.450 against 0.433 for
 * "title. author. description": the description says what the show is about, the title is often a
 * pun or a name, and what opens the text weighs most in the pooled vector. The description is cut
 * to {@value #DESCRIPTION_CHARS} characters so that the title still falls inside the window.
 */
public final class ItemTexts {

    /** About 256 word pieces of English; the model cuts the rest anyway. */
    static final int MAX_CHARS = 1500;

    /** About 200 word pieces: what a podcast's description may take, leaving room for the title and author. */
    static final int DESCRIPTION_CHARS = 1000;

    private ItemTexts() {
    }

    public static String of(Podcast podcast) {
        var text = new StringJoiner(". ");
        String description = podcast.description();
        if (description != null && !description.isBlank()) {
            add(text, cut(description.strip(), DESCRIPTION_CHARS));
        }
        add(text, podcast.title());
        add(text, podcast.author());
        if (!podcast.categories().isEmpty()) {
            add(text, String.join(", ", podcast.categories()));
        }
        return cut(text.toString());
    }

    public static String of(Podcast podcast, Episode episode) {
        var text = new StringJoiner(". ");
        add(text, episode.title());
        add(text, podcast.title());
        add(text, episode.description());
        return cut(text.toString());
    }

    private static void add(StringJoiner text, String part) {
        if (part != null && !part.isBlank()) {
            text.add(part.strip());
        }
    }

    private static String cut(String text) {
        return cut(text, MAX_CHARS);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

package org.wavelength.core.service;

import java.util.StringJoiner;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;

/**
 * The text that stands for an item when it is embedded. The model reads a limited window
 * (all-MiniLM-L6-v2: 256 word pieces), so the most telling fields come first.
 */
public final class ItemTexts {

    /** About 256 word pieces of English; the model cuts the rest anyway. */
    static final int MAX_CHARS = 1500;

    private ItemTexts() {
    }

    public static String of(Podcast podcast) {
        var text = new StringJoiner(". ");
        add(text, podcast.title());
        add(text, podcast.author());
        if (!podcast.categories().isEmpty()) {
            add(text, String.join(", ", podcast.categories()));
        }
        add(text, podcast.description());
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
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }
}

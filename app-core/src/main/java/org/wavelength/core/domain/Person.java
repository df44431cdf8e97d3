package org.wavelength.core.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Someone credited on podcasts or episodes (a host, a guest, the show's author): one person per
 * name, whatever its case or accents ("Zoë Wang" and "zoe wang" are one).
 *
 * @param imageUrl a picture the feed gave, or null
 * @param href     a page about them the feed gave, or null
 */
public record Person(long id, String name, String imageUrl, String href) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Person {
        imageUrl = WebAddress.orNull(imageUrl);
        href = WebAddress.orNull(href);
    }

    /**
     * What identifies a person and what a search by name compares: the name in lower case, without
     * accents, with single spaces ("Zoë  Wang" is "zoe wang"). Empty for a name of spaces alone.
     */
    public static String key(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}

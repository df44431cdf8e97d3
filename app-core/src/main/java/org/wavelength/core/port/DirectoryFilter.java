package org.wavelength.core.port;

/**
 * A part of the catalogue as a directory shows it: the podcasts of a language segment, of a
 * category, or both; a null field does not restrict.
 *
 * @param segment  a language segment ({@code Segments.of}): "en", "zh", "und" for podcasts of no known language
 * @param category a category the podcast lists at any level, in any case ("technology" finds "Technology")
 */
public record DirectoryFilter(String segment, String category) {

    public static final DirectoryFilter ALL = new DirectoryFilter(null, null);
}

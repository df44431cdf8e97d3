package org.wavelength.ingest.opml;

/**
 * One subscription of an OPML file.
 *
 * @param title  the outline's title (or text), or null when it has neither
 * @param xmlUrl the feed address as written in the file, trimmed; not validated here
 */
public record OpmlEntry(String title, String xmlUrl) {
}

package org.wavelength.web.page;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Tells an uploaded OPML list from an uploaded feed, and names the feed's source. */
final class UploadKind {

    /** The root element comes within the first few hundred bytes, after any prolog and comments. */
    private static final Pattern OPML_ROOT = Pattern.compile("<opml[\\s>]", Pattern.CASE_INSENSITIVE);

    private UploadKind() {
    }

    static boolean isOpml(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 2048), StandardCharsets.ISO_8859_1);
        return OPML_ROOT.matcher(head).find();
    }

    /** Uploaded feeds are identified by their file name; they are not fetched again. */
    static URI sourceOf(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "feed.xml" : fileName;
        return URI.create("upload:" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }
}

package org.wavelength.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Checks a feed address typed or imported by a person before anything is stored or fetched. */
public final class FeedUrls {

    // Podcast apps register these schemes for "subscribe" links; the rest of such a link is a web address.
    private static final Set<String> PODCAST_APP_SCHEMES = Set.of("feed", "itpc", "pcast", "podcast");

    /** As long as the database keeps (feed.url); browsers and servers rarely take more. */
    public static final int MAX_LENGTH = 2048;

    private FeedUrls() {
    }

    /**
     * The address as a URI, trimmed.
     *
     * @throws InvalidFeedUrlException unless it is an absolute http or https URL with a host, and that
     *                                 host is not a numeric address in an ambiguous form ({@link NumericHosts})
     */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFeedUrlException("The URL is empty: enter the address of the feed, starting with https://.");
        }
        String value = url.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidFeedUrlException("The URL is " + value.length() + " characters long; a feed address is at most "
                    + MAX_LENGTH + ". Copy the feed address again from the podcast's page.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidFeedUrlException("'" + value + "' is not a valid web address: " + describe(e)
                    + ". Copy the feed address again from the podcast's page.", e);
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new InvalidFeedUrlException("'" + value + "' is not a complete web address: a feed URL starts "
                    + "with http:// or https://, for example https://" + value.replaceFirst("^/+", ""));
        }
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        if (PODCAST_APP_SCHEMES.contains(lowerScheme)) {
            throw new InvalidFeedUrlException("'" + value + "' is a link for podcast apps, not a web address: "
                    + "replace '" + scheme + ":' with 'https:' (or 'http:').");
        }
        if (!lowerScheme.equals("http") && !lowerScheme.equals("https")) {
            throw new InvalidFeedUrlException("'" + value + "' is not a web address: a feed URL starts with http:// or https://");
        }
        String ambiguity = NumericHosts.ambiguity(NumericHosts.writtenHost(uri));
        if (ambiguity != null) {
            throw new InvalidFeedUrlException("The address '" + value + "' cannot be used: " + ambiguity + ".");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidFeedUrlException("'" + value + "' has no valid server name after " + scheme + "://"
                    + ": a feed URL looks like https://example.com/feed.xml");
        }
        return uri;
    }

    private static String describe(URISyntaxException e) {
        int index = e.getIndex();
        String input = e.getInput();
        if (index >= 0 && index < input.length()) {
            char c = input.charAt(index);
            return Character.isWhitespace(c)
                    ? "it contains a space at position " + (index + 1)
                    : "the character '" + c + "' at position " + (index + 1) + " is not allowed";
        }
        return e.getReason();
    }
}

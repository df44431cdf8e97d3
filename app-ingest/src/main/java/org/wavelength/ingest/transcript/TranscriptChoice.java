package org.wavelength.ingest.transcript;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.wavelength.core.domain.FeedContent.TranscriptLink;

/**
 * Picks the one transcript to fetch when an episode lists several (podcast:transcript may appear
 * once per format and language).
 *
 * <p>The order, richest first: <b>JSON &gt; WebVTT &gt; SRT &gt; HTML &gt; Markdown &gt; plain text</b>. JSON
 * can time every word and names the speaker of every segment; WebVTT has timed cues and voice spans
 * for speakers; SRT has timed cues and speakers only by convention; HTML has speakers but times per
 * monologue at best ("low-fidelity" in the spec); Markdown has speakers and a time every few minutes;
 * plain text has neither. Timed beats untimed and
 * speakers beat none, which is what the chunker needs to give passages times and speakers.
 *
 * <p>{@code rel="captions"} is not held against a link: the spec says it marks a closed-captions file
 * "regardless of what the mime type is" and that "time codes are assumed to be present". Captions
 * are timed, so a captions link whose type names no timed format ({@code text/plain}, or none) ranks
 * with SRT rather than with plain text; a captions link of a named format ranks as that format.
 *
 * <p>The format comes from the {@code type} attribute, or, when that names no transcript format
 * ({@code text/plain}, {@code application/octet-stream}, absent), from the URL's extension; other
 * {@code text/*} types rank as plain text. Links whose type is something else entirely
 * ({@code application/pdf}, {@code audio/mpeg}) and whose URL names no format are left out, as are
 * links without a URL.
 *
 * <p>Language: the spec says a link without {@code language} is in the feed's language. When the
 * feed's language is given, links in that language (compared by primary subtag: "en-US" matches
 * "en") come before the others whatever their format; without it, language does not count. Ties
 * keep the feed's order.
 */
public final class TranscriptChoice {

    private static final Set<String> UNNAMED_TYPES = Set.of("", "text/plain", "application/octet-stream",
            "binary/octet-stream", "application/unknown", "application/download", "application/force-download");
    private static final int UNSUPPORTED = Integer.MAX_VALUE;

    private TranscriptChoice() {
    }

    /** The richest transcript, language not considered; empty when none of the links can be read. */
    public static Optional<TranscriptLink> richest(List<TranscriptLink> links) {
        return richest(links, null);
    }

    /**
     * The richest transcript, preferring those in the feed's language.
     *
     * @param links        the episode's podcast:transcript links, in feed order; may be null
     * @param feedLanguage the feed's {@code <language>}, or null to ignore languages
     * @return the link to fetch; empty when there is no link of a readable format
     */
    public static Optional<TranscriptLink> richest(List<TranscriptLink> links, String feedLanguage) {
        if (links == null || links.isEmpty()) {
            return Optional.empty();
        }
        String wanted = primaryLanguage(feedLanguage);
        Comparator<Integer> order = Comparator.<Integer>comparingInt(i -> languageRank(links.get(i), wanted))
                .thenComparingInt(i -> rank(links.get(i)))
                .thenComparingInt(i -> i);
        return IntStream.range(0, links.size()).boxed()
                .filter(i -> links.get(i) != null && rank(links.get(i)) != UNSUPPORTED)
                .min(order)
                .map(links::get);
    }

    /** 0 for JSON up to 5 for plain text (the order of {@link TranscriptFormat}); UNSUPPORTED when unreadable. */
    static int rank(TranscriptLink link) {
        if (link.url() == null || link.url().isBlank()) {
            return UNSUPPORTED;
        }
        Optional<TranscriptFormat> named = TranscriptFormat.ofMimeType(link.type())
                .filter(f -> f != TranscriptFormat.TEXT)
                .or(() -> TranscriptFormat.ofUrl(link.url()).filter(f -> f != TranscriptFormat.TEXT));
        if (named.isPresent()) {
            return named.get().ordinal();
        }
        if ("captions".equalsIgnoreCase(link.rel() == null ? "" : link.rel().strip())) {
            return TranscriptFormat.SRT.ordinal();
        }
        String type = link.type() == null ? "" : link.type().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (UNNAMED_TYPES.contains(type) || type.startsWith("text/") || TranscriptFormat.ofUrl(link.url()).isPresent()) {
            return TranscriptFormat.TEXT.ordinal();
        }
        return UNSUPPORTED;
    }

    private static int languageRank(TranscriptLink link, String wanted) {
        if (wanted == null) {
            return 0;
        }
        String language = primaryLanguage(link.language());
        return language == null || language.equals(wanted) ? 0 : 1;
    }

    private static String primaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }
}

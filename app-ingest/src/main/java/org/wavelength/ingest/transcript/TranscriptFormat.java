package org.wavelength.ingest.transcript;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The transcript formats of podcast:transcript, richest first (see {@link TranscriptChoice}).
 *
 * <p>{@code text/plain} never decides on its own: servers send it for every text file, SRT and
 * WebVTT included, so {@link #detect} asks the URL and the content before settling for plain text.
 */
public enum TranscriptFormat {

    /** Podcasting 2.0 JSON: per-segment (even per-word) times and a speaker on every segment. */
    JSON,
    /** WebVTT: timed cues, speakers in voice spans. */
    VTT,
    /** SubRip: timed cues, speakers only as a "Name:" convention. */
    SRT,
    /** The spec's HTML layout: speakers, and start times per monologue when at all. */
    HTML,
    /** Markdown as The Changelog writes it: bold speaker labels, a time marker every few minutes. */
    MARKDOWN,
    /** Plain text: no times, speakers only as a "Name:" convention. */
    TEXT;

    private static final Map<String, TranscriptFormat> BY_MIME_TYPE = Map.ofEntries(
            Map.entry("application/json", JSON),
            Map.entry("text/json", JSON),
            Map.entry("text/vtt", VTT),
            Map.entry("text/webvtt", VTT),
            Map.entry("text/srt", SRT),
            Map.entry("application/srt", SRT),
            Map.entry("application/x-subrip", SRT),
            Map.entry("text/x-srt", SRT),
            Map.entry("application/x-srt", SRT),
            Map.entry("text/html", HTML),
            Map.entry("application/xhtml+xml", HTML),
            Map.entry("text/markdown", MARKDOWN),
            Map.entry("text/x-markdown", MARKDOWN),
            Map.entry("text/plain", TEXT));
    private static final Map<String, TranscriptFormat> BY_EXTENSION = Map.of(
            "json", JSON, "vtt", VTT, "webvtt", VTT, "srt", SRT, "html", HTML, "htm", HTML, "md", MARKDOWN,
            "markdown", MARKDOWN, "txt", TEXT);
    private static final Pattern SRT_START = Pattern.compile("\\A\\s*(?:\\d+[ \\t]*\\R)?[ \\t]*[0-9][0-9:.,]*[ \\t]*-->");
    private static final Pattern TAG = Pattern.compile("<[A-Za-z!/]");
    private static final Pattern BOLD_LABEL = Pattern.compile("\\*\\*[^*\\n]{1,100}?(?::\\*\\*|\\*\\*\\s*:)");

    /** The format a MIME type names (parameters such as charset ignored), if it names one. */
    public static Optional<TranscriptFormat> ofMimeType(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        String type = mimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        TranscriptFormat format = BY_MIME_TYPE.get(type);
        if (format == null && type.startsWith("application/") && type.endsWith("+json")) {
            format = JSON;
        }
        return Optional.ofNullable(format);
    }

    /** The format the extension of a URL's path names ({@code .vtt}, {@code .srt}...), if any. */
    public static Optional<TranscriptFormat> ofUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String path = url.strip();
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        path = path.substring(0, end);
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < slash) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(path.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * The format the content looks like: a {@code WEBVTT} header, a JSON object or array, an SRT
     * cue (an index then a timing line), markup, a bold Markdown speaker label
     * ({@code **Name:**}); plain text otherwise.
     */
    public static TranscriptFormat sniff(String text) {
        String start = text.stripLeading();
        if (start.startsWith("WEBVTT")) {
            return VTT;
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return JSON;
        }
        if (SRT_START.matcher(start).lookingAt()) {
            return SRT;
        }
        if (start.startsWith("<") && TAG.matcher(start).lookingAt()) {
            return HTML;
        }
        if (BOLD_LABEL.matcher(start).lookingAt()) {
            return MARKDOWN;
        }
        return TEXT;
    }

    /**
     * The format to read a transcript as: the one its MIME type names, else the one its URL's
     * extension names, else what the content looks like. Plain text, as a MIME type or extension,
     * is only a last resort after the content was looked at.
     */
    public static TranscriptFormat detect(String mimeType, String url, String text) {
        Optional<TranscriptFormat> declared = ofMimeType(mimeType).filter(f -> f != TEXT)
                .or(() -> ofUrl(url).filter(f -> f != TEXT));
        return declared.orElseGet(() -> sniff(text));
    }
}

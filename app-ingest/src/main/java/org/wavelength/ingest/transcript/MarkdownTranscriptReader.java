package org.wavelength.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wavelength.core.domain.TranscriptSegment;

/**
 * Reads a transcript written in Markdown the way The Changelog publishes its own: paragraphs separated
 * by blank lines, a bold speaker label opening a speaker's turn ({@code **Nadia Eghbal:** So...}), and
 * every few minutes a time marker, escaped as Markdown requires: {@code \[04:05\]}, or
 * {@code \[01:03:59.27\]} past the hour (a fourth field, {@code 00:20:18:08}, is a frame and dropped).
 *
 * <p><b>Segments.</b> One per paragraph, cut in two where a marker stands inside it. A paragraph
 * without a label keeps the previous speaker. A label that names a part of the show rather than a
 * person ({@code **Break:** \[11:37\] to \[12:40\]}, also Intro and Outro) gives its markers but no
 * text and no speaker. Markdown is reduced to its text: emphasis marks, link targets and
 * backslash escapes go ({@code \[laughter\]} reads "[laughter]"), character references are
 * decoded; headings and rules are not speech and are skipped.
 *
 * <p><b>Times</b> come from the markers only, interpolated by characters: a marker is where the
 * text after it starts; between two markers the time runs evenly over the characters, as speech
 * roughly does, so every segment's start and end lie between the markers around it and a marker's
 * own time is exact. The episode starts at 0, before the first marker. After the last marker
 * (and when a marker goes back in time) the time is carried: the segments there start and end at
 * that marker. A transcript without markers is untimed: every time is 0. On The Changelog's 67
 * transcripts, with each of 640 markers held out in turn, interpolation put the text after it 6 s
 * from the marker's time (median; 30 s at the 90th percentile), carrying the previous marker 236 s
 * ({@code PassageSearchBenchmark}).
 */
final class MarkdownTranscriptReader {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n\\s*");
    /** {@code **Name:**} or {@code **Name**:} at the start of a paragraph. */
    private static final Pattern LABEL = Pattern.compile("^\\*\\*([^*\\n]{1,100}?)(?::\\*\\*|\\*\\*\\s*:)\\s*");
    /** A bracketed time alone; Markdown escapes the brackets, sometimes a stray backslash too. */
    private static final Pattern MARKER =
            Pattern.compile("\\\\*\\[\\\\*(\\d{1,3}(?::\\d{1,2}){1,3}(?:[.,]\\d{1,3})?)\\\\*\\]");
    private static final Pattern HEADING_OR_RULE = Pattern.compile("^(?:#{1,6}\\s.*|(?:[-*_]\\s*){3,})$", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)!?\\[([^\\]\\n]*)\\]\\([^)\\s]*(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern STRONG = Pattern.compile("(?<!\\\\)(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)(?<!\\\\)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\\\\\w*])([*_])(?=\\S)(.+?)(?<=\\S)(?<!\\\\)\\1(?![\\w*])");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~\"'])");
    private static final Set<String> NOT_SPEAKERS = Set.of("break", "intro", "outro");

    private MarkdownTranscriptReader() {
    }

    /** A marker, or a piece of text with its speaker, in the order of the file. */
    private record Item(Double marker, String speaker, String text) {
    }

    static List<TranscriptSegment> read(String markdown) {
        List<Item> items = items(markdown.replace("\r\n", "\n").replace('\r', '\n'));
        return timed(items);
    }

    private static List<Item> items(String markdown) {
        List<Item> items = new ArrayList<>();
        String speaker = null;
        for (String raw : BLANK_LINE.split(markdown)) {
            String paragraph = raw.strip();
            if (paragraph.isEmpty() || HEADING_OR_RULE.matcher(paragraph).matches()) {
                continue;
            }
            boolean speech = true;
            Matcher label = LABEL.matcher(paragraph);
            if (label.find()) {
                String name = TranscriptText.normaliseSpace(label.group(1));
                speech = !NOT_SPEAKERS.contains(name.toLowerCase(Locale.ROOT));
                if (speech) {
                    speaker = name;
                }
                paragraph = paragraph.substring(label.end());
            }
            Matcher marker = MARKER.matcher(paragraph);
            int from = 0;
            while (marker.find()) {
                addText(items, speech, speaker, paragraph.substring(from, marker.start()));
                Double time = time(marker.group(1));
                if (time != null) {
                    items.add(new Item(time, null, null));
                }
                from = marker.end();
            }
            addText(items, speech, speaker, paragraph.substring(from));
        }
        return items;
    }

    private static void addText(List<Item> items, boolean speech, String speaker, String markdown) {
        String text = speech ? text(markdown) : "";
        if (!text.isEmpty()) {
            items.add(new Item(null, speaker, text));
        }
    }

    /** Seconds of {@code mm:ss}, {@code hh:mm:ss} with a decimal fraction or not, or {@code hh:mm:ss:ff}. */
    static Double time(String code) {
        String[] fields = code.split(":");
        String seconds = fields.length == 4 ? code.substring(0, code.lastIndexOf(':')) : code;
        return TimeCodes.parse(seconds);
    }

    /** The words of a piece of Markdown. */
    static String text(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = STRONG.matcher(text).replaceAll("$2");
        text = EMPHASIS.matcher(text).replaceAll("$2");
        text = ESCAPE.matcher(text).replaceAll("$1");
        return TranscriptText.clean(text);
    }

    /** Segments timed by interpolation between the markers around them, by characters. */
    private static List<TranscriptSegment> timed(List<Item> items) {
        // Anchors: (character offset, time); the episode starts at 0.
        List<double[]> anchors = new ArrayList<>();
        anchors.add(new double[] {0, 0});
        int[] previousAnchor = new int[items.size()];
        double[] offsets = new double[items.size()];
        double offset = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.marker() != null) {
                anchors.add(new double[] {offset, item.marker()});
            } else {
                offsets[i] = offset;
                previousAnchor[i] = anchors.size() - 1;
                offset += item.text().length() + 1;
            }
        }
        List<TranscriptSegment> segments = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.marker() != null) {
                continue;
            }
            double[] before = anchors.get(previousAnchor[i]);
            double[] after = previousAnchor[i] + 1 < anchors.size() ? anchors.get(previousAnchor[i] + 1) : null;
            double start = offsets[i];
            double end = start + item.text().length();
            if (after != null && after[1] > before[1]) {
                double rate = (after[1] - before[1]) / (after[0] - before[0]);
                segments.add(new TranscriptSegment(millis(before[1] + rate * (start - before[0])),
                        millis(before[1] + rate * (end - before[0])), item.speaker(), item.text()));
            } else {
                segments.add(new TranscriptSegment(before[1], before[1], item.speaker(), item.text()));
            }
        }
        return List.copyOf(segments);
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}

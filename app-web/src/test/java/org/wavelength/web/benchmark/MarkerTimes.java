package org.wavelength.web.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.ingest.transcript.TranscriptParser;

/** The Markdown reader's times on the Changelog transcripts, against time markers held out. */
final class MarkerTimes {

    private MarkerTimes() {
    }

    /**
     * How near the reader's times come to the truth: each marker that has an earlier and a later one
     * and starts a paragraph is removed in turn, and the time the reader then gives the text after it
     * is compared with the marker's own. Carrying the previous marker is the alternative.
     */
    static void print(List<Path> files) throws IOException {
        TranscriptParser parser = new TranscriptParser();
        List<Double> interpolated = new ArrayList<>();
        List<Double> carried = new ArrayList<>();
        for (Path file : files) {
            String markdown = Files.readString(file, StandardCharsets.UTF_8);
            List<Marker> markers = ChangelogCorpus.MARKER.matcher(markdown).results().map(Marker::new).toList();
            if (markers.size() < 3) {
                continue;
            }
            List<TranscriptSegment> original = parse(parser, markdown);
            for (int k = 1; k < markers.size() - 1; k++) {
                double before = markers.get(k - 1).time;
                double time = markers.get(k).time;
                double after = markers.get(k + 1).time;
                if (!(before < time && time < after)) {
                    continue;
                }
                int segment = firstStartingAt(original, time);
                String held = markdown.substring(0, markers.get(k).start) + markdown.substring(markers.get(k).end);
                List<TranscriptSegment> without = parse(parser, held);
                if (segment < 0 || without.size() != original.size()) {
                    continue; // the marker stood inside a paragraph: its two halves became one segment
                }
                interpolated.add(Math.abs(without.get(segment).start() - time));
                carried.add(time - before);
            }
        }
        System.out.printf("Reader times on %d markers held out, |error| median / p90 / mean: interpolated by characters "
                + "%.0f / %.0f / %.0f s; carried from the previous marker %.0f / %.0f / %.0f s%n", interpolated.size(),
                median(interpolated), p90(interpolated), mean(interpolated), median(carried), p90(carried), mean(carried));
    }

    record Marker(int start, int end, double time) {
        Marker(java.util.regex.MatchResult m) {
            this(m.start(), m.end(), seconds(m.group(1)));
        }
    }

    static double seconds(String code) {
        String[] fields = code.split(":");
        double seconds = 0;
        for (int i = 0; i < Math.min(3, fields.length); i++) {
            seconds = seconds * 60 + Double.parseDouble(fields[i].replace(',', '.'));
        }
        return seconds;
    }

    static List<TranscriptSegment> parse(TranscriptParser parser, String markdown) {
        return parser.parse(markdown.getBytes(StandardCharsets.UTF_8), "text/markdown", null);
    }

    static int firstStartingAt(List<TranscriptSegment> segments, double time) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).start() == time) {
                return i;
            }
        }
        return -1;
    }

    static double median(List<Double> values) {
        return PassageSearchBenchmark.percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }

    static double p90(List<Double> values) {
        return PassageSearchBenchmark.percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.9);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}

package org.wavelength.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.domain.TranscriptSegment;

/**
 * Reads the Podcasting 2.0 JSON transcript: {@code {"version": "1.0.0", "segments": [{"speaker",
 * "startTime", "endTime", "body"}]}}. A bare array of such segments is accepted too.
 *
 * <p>{@code startTime} (seconds, a number; a numeric or time-code string is tolerated) and
 * {@code body} are required; {@code endTime} is optional ("if available" in the spec) and defaults
 * to the next later start, or to the segment's own start for the last one. A segment without a
 * speaker keeps the previous speaker. A body that is only whitespace (word-level files have such
 * segments between words) gives no segment; bodies are cleaned of markup and character references.
 */
final class JsonTranscriptReader {

    private static final String WHAT = "JSON transcript";

    private JsonTranscriptReader() {
    }

    static List<TranscriptSegment> read(String text, String url) {
        JsonNode root = StrictJson.read(text, WHAT, url);
        JsonNode items = root.isArray() ? root : root.path("segments");
        if (!items.isArray()) {
            throw new TranscriptException(TranscriptException.subject(WHAT, url)
                    + " has no \"segments\" list, so it is not a Podcasting 2.0 JSON transcript.");
        }
        List<double[]> times = new ArrayList<>(items.size());
        List<String> speakers = new ArrayList<>(items.size());
        List<String> bodies = new ArrayList<>(items.size());
        String speaker = null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw invalid(url, i, "is not an object");
            }
            String noStart = TimeCodes.unreadable(item, "startTime");
            if (noStart != null) {
                throw invalid(url, i, noStart);
            }
            double start = TimeCodes.ofJson(item.get("startTime"));
            Double end = TimeCodes.ofJson(item.get("endTime"));
            if (item.hasNonNull("endTime") && end == null) {
                throw invalid(url, i, "has an endTime that is not a valid number of seconds");
            }
            String body = item.path("body").textValue();
            if (body == null) {
                throw invalid(url, i, item.hasNonNull("body") ? "has a body that is not text" : "has no body text");
            }
            String name = TranscriptText.speakerName(item.path("speaker").textValue());
            if (name != null) {
                speaker = name;
            }
            String cleaned = TranscriptText.clean(body);
            if (cleaned.isEmpty()) {
                continue;
            }
            times.add(new double[] {start, end == null ? Double.NaN : end});
            speakers.add(speaker);
            bodies.add(cleaned);
        }
        double[] starts = times.stream().mapToDouble(t -> t[0]).toArray();
        double[] laterStarts = TimeCodes.nextLaterStarts(starts);
        List<TranscriptSegment> segments = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            double start = starts[i];
            double end = times.get(i)[1];
            if (Double.isNaN(end)) {
                end = Double.isNaN(laterStarts[i]) ? start : laterStarts[i];
            }
            segments.add(new TranscriptSegment(start, Math.max(start, end), speakers.get(i), bodies.get(i)));
        }
        return List.copyOf(segments);
    }

    private static TranscriptException invalid(String url, int index, String problem) {
        return new TranscriptException(TranscriptException.subject(WHAT, url) + " is not valid: its segment "
                + (index + 1) + " " + problem + ".");
    }
}

package org.wavelength.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.WebAddress;

/**
 * Reads a podcast:chapters JSON file: {@code {"version": "1.2.0", "chapters": [{"startTime",
 * "endTime", "title", "img", "url", "toc"}]}}.
 *
 * <p>{@code startTime} (seconds) is required; everything else is optional, as in the spec: a chapter
 * may have no title (a location or image marker), {@code toc} defaults to true. A numeric or
 * time-code string is tolerated for the times, and "true"/"false" strings for {@code toc}. An
 * {@code endTime} before the start is dropped rather than failing the file. {@code img} and
 * {@code url} are kept only when they are absolute http(s) URLs, since they are shown and linked.
 * Other members ({@code location}, {@code value}, {@code remote}...) are ignored. The chapters are
 * sorted by start; chapters with the same start keep the file's order.
 *
 * <p>Thread-safe and stateless.
 */
public class ChaptersParser {

    private static final String WHAT = "chapters file";

    /** Parses a chapters file whose address is unknown (messages then say "The chapters file"). */
    public List<Chapter> parse(byte[] body) {
        return parse(body, null);
    }

    /**
     * Parses a downloaded chapters file.
     *
     * @param body the bytes as downloaded (UTF-8, a byte order mark is honoured)
     * @param url  where it came from, for messages; may be null
     * @return the chapters sorted by start; empty when the file lists none
     * @throws TranscriptException when the file is not JSON, has no chapters list, or a chapter has no
     *                             valid start time
     */
    public List<Chapter> parse(byte[] body, String url) {
        String text = TranscriptText.decode(body, "application/json");
        if (text.isBlank()) {
            throw new TranscriptException(TranscriptException.subject(WHAT, url) + " is empty.");
        }
        JsonNode items = StrictJson.read(text, WHAT, url).path("chapters");
        if (!items.isArray()) {
            throw new TranscriptException(TranscriptException.subject(WHAT, url)
                    + " has no \"chapters\" list, so it is not a podcast:chapters JSON file.");
        }
        List<Chapter> chapters = new ArrayList<>(items.size());
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
            if (end != null && end < start) {
                end = null;
            }
            chapters.add(new Chapter(start, end, text(item.path("title")), webUrl(item.path("img")),
                    webUrl(item.path("url")), toc(item.path("toc"))));
        }
        chapters.sort(Comparator.comparingDouble(Chapter::start));
        return List.copyOf(chapters);
    }

    private static String text(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String text = TranscriptText.normaliseSpace(value.textValue());
        return text.isEmpty() ? null : text;
    }

    private static String webUrl(JsonNode value) {
        return WebAddress.orNull(text(value));
    }

    private static boolean toc(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return !(value.isTextual() && value.textValue().strip().equalsIgnoreCase("false"));
    }

    private static TranscriptException invalid(String url, int index, String problem) {
        return new TranscriptException(TranscriptException.subject(WHAT, url) + " is not valid: its chapter "
                + (index + 1) + " " + problem + ".");
    }
}

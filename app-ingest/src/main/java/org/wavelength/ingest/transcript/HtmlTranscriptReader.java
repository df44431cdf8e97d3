package org.wavelength.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wavelength.core.domain.TranscriptSegment;

/**
 * Reads the HTML transcript layout of the Podcasting 2.0 spec: for each monologue a
 * {@code <cite>Speaker:</cite>}, a {@code <time>0:00</time>} and a {@code <p>} with the text, cite and
 * time both optional.
 *
 * <p>Each {@code <p>} is one segment. It takes the speaker of the cite before it (a {@code <p>}
 * without its own cite continues the previous speaker, the first one has none) and the start of the
 * time before it (without one, the previous segment's start, or 0). Its end is the next later start;
 * the last segment's end is unknown and set to its start. Times that cannot be read count as absent:
 * HTML transcripts are the low-fidelity format and their text matters more than their times.
 *
 * <p>HTML without any of these elements is read as plain text, a paragraph per block element.
 */
final class HtmlTranscriptReader {

    private static final Pattern IGNORED = Pattern.compile(
            "<!--.*?(?:-->|$)|<(script|style|head|template)\\b[^>]*>.*?(?:</\\1\\s*>|$)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ELEMENT =
            Pattern.compile("<(cite|time|p)\\b([^>]*)>(.*?)</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern DATETIME = Pattern.compile("\\bdatetime\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_END = Pattern.compile(
            "<br\\b[^>]*>|</(?:p|div|li|h[1-6]|tr|blockquote|pre|section|article)\\s*>", Pattern.CASE_INSENSITIVE);

    private HtmlTranscriptReader() {
    }

    static List<TranscriptSegment> read(String html) {
        String text = IGNORED.matcher(html).replaceAll(" ");
        Matcher element = ELEMENT.matcher(text);
        List<String> speakers = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        String pendingSpeaker = null;
        Double pendingTime = null;
        String speaker = null;
        double start = 0;
        boolean layout = false;
        while (element.find()) {
            layout = true;
            String name = element.group(1).toLowerCase(Locale.ROOT);
            String content = TranscriptText.clean(element.group(3));
            switch (name) {
                case "cite" -> pendingSpeaker = TranscriptText.speakerName(content);
                case "time" -> {
                    Double time = TimeCodes.parse(content.replaceAll("^\\[|]$", ""));
                    if (time == null) {
                        Matcher datetime = DATETIME.matcher(element.group(2));
                        time = datetime.find() ? TimeCodes.parse(datetime.group(1)) : null;
                    }
                    pendingTime = time != null ? time : pendingTime;
                }
                default -> {
                    if (content.isEmpty()) {
                        continue;
                    }
                    speaker = pendingSpeaker != null ? pendingSpeaker : speaker;
                    start = pendingTime != null ? pendingTime : start;
                    pendingSpeaker = null;
                    pendingTime = null;
                    speakers.add(speaker);
                    starts.add(start);
                    bodies.add(content);
                }
            }
        }
        if (!layout) {
            List<String> paragraphs = new ArrayList<>();
            for (String block : BLOCK_END.split(text)) {
                paragraphs.add(TranscriptText.clean(block));
            }
            return PlainTextReader.fromParagraphs(paragraphs);
        }
        double[] startTimes = starts.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ends = TimeCodes.nextLaterStarts(startTimes);
        List<TranscriptSegment> segments = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            double end = Double.isNaN(ends[i]) ? startTimes[i] : ends[i];
            segments.add(new TranscriptSegment(startTimes[i], end, speakers.get(i), bodies.get(i)));
        }
        return List.copyOf(segments);
    }
}

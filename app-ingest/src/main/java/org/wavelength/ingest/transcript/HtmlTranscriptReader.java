package org.wavelength.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.ingest.parse.HtmlText;

/**
 * Reads the HTML transcript layout of the Podcasting 2.0 spec: for each monologue a
 * {@code <cite>Speaker:</cite>}, a {@code <time>0:00</time>} and a {@code <p>} with the text, cite and
 * time both optional.
 *
 * <p>The HTML is parsed as a browser would (jsoup), so a {@code <p>} left open ends where the next
 * one starts. Each paragraph is one segment; a cite or time inside a paragraph ends the segment
 * before it and applies to the text after it. A segment takes the speaker of the cite before it (a
 * segment without its own cite continues the previous speaker, the first one has none) and the start
 * of the time before it (without one, the previous segment's start, or 0). Its end is the next later
 * start; the last segment's end is unknown and set to its start. Times that cannot be read count as
 * absent: HTML transcripts are the low-fidelity format and their text matters more than their times.
 *
 * <p>HTML without any of these elements is read as plain text, a paragraph per block element.
 */
final class HtmlTranscriptReader {

    // Never part of what was said.
    private static final String IGNORED = "head, script, style, template";
    // Where a paragraph of HTML without the layout ends (other block elements only keep words apart); a
    // line break has no content, so its end is where it stands.
    private static final Set<String> PARAGRAPH_ENDS =
            Set.of("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "section", "article");

    private HtmlTranscriptReader() {
    }

    static List<TranscriptSegment> read(String html) {
        Document document = Jsoup.parse(html);
        document.select(IGNORED).remove();
        if (document.selectFirst("cite, time, p") == null) {
            Paragraphs paragraphs = new Paragraphs();
            document.traverse(paragraphs);
            return PlainTextReader.fromParagraphs(paragraphs.finish());
        }
        Turns turns = new Turns();
        document.traverse(turns);
        return turns.segments();
    }

    /** Walks the layout in document order, turning each paragraph's text into segments. */
    private static final class Turns implements NodeVisitor {
        private final List<String> speakers = new ArrayList<>();
        private final List<Double> starts = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();
        private final StringBuilder paragraph = new StringBuilder();
        private StringBuilder marker; // the text of the cite or time being read, or null
        private boolean inParagraph;
        private String pendingSpeaker;
        private Double pendingTime;
        private String speaker;
        private double start;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                append(text.getWholeText()); // text between the paragraphs is not part of the layout
            } else if (node instanceof Element element) {
                switch (element.normalName()) {
                    case "cite", "time" -> {
                        endSegment();
                        marker = new StringBuilder();
                    }
                    case "p" -> {
                        endSegment();
                        inParagraph = true;
                    }
                    default -> separateWords(element);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            switch (element.normalName()) {
                case "cite" -> pendingSpeaker = TranscriptText.speakerName(HtmlText.visibleText(endMarker()));
                case "time" -> {
                    Double time = TimeCodes.parse(HtmlText.visibleText(endMarker()).replaceAll("^\\[|]$", ""));
                    if (time == null) {
                        time = TimeCodes.parse(element.attr("datetime"));
                    }
                    pendingTime = time != null ? time : pendingTime;
                }
                case "p" -> {
                    endSegment();
                    inParagraph = false;
                }
                default -> separateWords(element);
            }
        }

        private void separateWords(Element element) {
            if (HtmlText.separatesWords(element)) {
                append(" ");
            }
        }

        private void append(String text) {
            if (marker != null) {
                marker.append(text);
            } else if (inParagraph) {
                paragraph.append(text);
            }
        }

        private String endMarker() {
            String text = marker == null ? "" : marker.toString();
            marker = null;
            return text;
        }

        private void endSegment() {
            String body = TranscriptText.normaliseSpace(HtmlText.visibleText(paragraph));
            paragraph.setLength(0);
            if (body.isEmpty()) {
                return;
            }
            speaker = pendingSpeaker != null ? pendingSpeaker : speaker;
            start = pendingTime != null ? pendingTime : start;
            pendingSpeaker = null;
            pendingTime = null;
            speakers.add(speaker);
            starts.add(start);
            bodies.add(body);
        }

        List<TranscriptSegment> segments() {
            endSegment(); // text of a paragraph still open at the end of the document
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

    /** Collects the text of HTML without the layout, a paragraph per block element or line break. */
    private static final class Paragraphs implements NodeVisitor {
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.getWholeText());
            } else if (node instanceof Element element && HtmlText.separatesWords(element)) {
                current.append(' ');
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && PARAGRAPH_ENDS.contains(element.normalName())) {
                endParagraph();
            } else if (node instanceof Element element && HtmlText.separatesWords(element)) {
                current.append(' ');
            }
        }

        private void endParagraph() {
            paragraphs.add(HtmlText.visibleText(current));
            current.setLength(0);
        }

        List<String> finish() {
            endParagraph();
            return paragraphs;
        }
    }
}

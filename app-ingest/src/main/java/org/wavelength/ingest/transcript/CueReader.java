package org.wavelength.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wavelength.core.domain.TranscriptSegment;

/**
 * Reads SRT and WebVTT, which share their shape: blocks separated by blank lines, each an optional
 * identifier, a timing line {@code start --> end} and lines of text.
 *
 * <p>WebVTT: the {@code WEBVTT} header block, and {@code NOTE}, {@code STYLE} and {@code REGION}
 * blocks are skipped; cue settings after the end time are ignored; voice spans {@code <v Name>} give
 * the speaker (a cue with several voices is split, its time shared out by length of text); other
 * tags and character references are removed. SRT: a {@code Name: } label at the start of a cue gives
 * the speaker (see {@link SpeakerLabel}); the label is recognised in WebVTT too, when a cue has no
 * voice span. Either way a cue without a speaker keeps the previous cue's speaker, since both
 * formats name the speaker only when it changes. Lines of a cue are joined with single spaces.
 *
 * <p>Lenient where real files are sloppy: a comma or a dot before the milliseconds, hours optional,
 * bare seconds ({@code 12.5 --> 15}), a missing blank line between cues, a stray blank line inside a
 * cue's text (the text is kept with the cue before it). Strict where the file is not a transcript at
 * all: a timing line whose times cannot be read, or no cue in a file with text, is an error.
 */
final class CueReader {

    private static final Pattern TIMING =
            Pattern.compile("^\\s*([0-9][0-9:.,]*)\\s*-->\\s*([0-9][0-9:.,]*)(?:[ \\t].*)?$");
    private static final Pattern DIGITS = Pattern.compile("\\s*\\d+\\s*");
    private static final Pattern VOICE = Pattern.compile("<[vV](?:\\.[^\\s>]*)?(?:[ \\t]+([^>]*))?>");
    private static final Pattern VOICE_END = Pattern.compile("</[vV]\\s*>");
    private static final Pattern VTT_HEADER = Pattern.compile("^WEBVTT(?:[ \\t].*)?$");
    private static final Pattern VTT_SKIPPED_BLOCK = Pattern.compile("^(NOTE|STYLE|REGION)(?:[ \\t].*)?$");

    private final String what;

    /** @param what the format's name for messages: "SRT" or "WebVTT" */
    CueReader(String what) {
        this.what = what;
    }

    private static final class Cue {
        final double start;
        final double end;
        final List<String> lines = new ArrayList<>();

        Cue(double start, double end) {
            this.start = start;
            this.end = end;
        }
    }

    List<TranscriptSegment> read(String text, String url) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        boolean vtt = lines.length > 0 && VTT_HEADER.matcher(lines[0].strip()).matches();
        if (vtt) {
            // the header block: WEBVTT and metadata lines up to the first blank line
            i = 1;
            while (i < lines.length && !TranscriptText.isBlank(lines[i]) && !lines[i].contains("-->")) {
                i++;
            }
        }
        List<Cue> cues = new ArrayList<>();
        Cue current = null;
        Cue orphanTarget = null; // the cue that text found after a stray blank line belongs to
        boolean blockStart = true;
        boolean skipping = false;
        boolean sawText = false;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (TranscriptText.isBlank(line)) {
                if (current != null) {
                    orphanTarget = current;
                }
                current = null;
                blockStart = true;
                skipping = false;
                continue;
            }
            if (skipping) {
                continue;
            }
            if (blockStart && vtt && VTT_SKIPPED_BLOCK.matcher(line.strip()).matches()) {
                skipping = true;
                blockStart = false;
                continue;
            }
            boolean atBlockStart = blockStart;
            blockStart = false;
            Matcher timing = TIMING.matcher(line);
            boolean wellFormed = timing.matches();
            if (line.contains("-->") && (current == null || wellFormed)) {
                Double start = wellFormed ? TimeCodes.parse(timing.group(1)) : null;
                Double end = wellFormed ? TimeCodes.parse(timing.group(2)) : null;
                if (start == null || end == null) {
                    throw new TranscriptException(TranscriptException.subject(what + " transcript", url)
                            + " has a cue timing on line " + (i + 1) + " that cannot be read: \""
                            + abbreviate(line.strip()) + "\". Times must look like 00:01:02.500 --> 00:01:04.000.");
                }
                if (current != null && !current.lines.isEmpty()
                        && DIGITS.matcher(current.lines.get(current.lines.size() - 1)).matches()) {
                    // no blank line before this cue: the number above its timing is its SRT index
                    current.lines.remove(current.lines.size() - 1);
                }
                current = new Cue(start, end);
                cues.add(current);
                orphanTarget = null;
                continue;
            }
            // outside a cue, a line right above a timing line is the cue's identifier (SRT index, WebVTT id)
            boolean identifier = atBlockStart && i + 1 < lines.length && lines[i + 1].contains("-->");
            if (current != null) {
                current.lines.add(line);
            } else if (orphanTarget != null && !identifier) {
                orphanTarget.lines.add(line);
            } else if (!identifier) {
                sawText = true; // text before the first cue
            }
        }
        if (cues.isEmpty()) {
            if (sawText) {
                throw new TranscriptException(TranscriptException.subject(what + " transcript", url)
                        + " has no timed cues (lines like 00:00:01.000 --> 00:00:04.000), so it is not a valid "
                        + what + " file.");
            }
            return List.of();
        }
        return toSegments(cues);
    }

    private static List<TranscriptSegment> toSegments(List<Cue> cues) {
        List<TranscriptSegment> segments = new ArrayList<>(cues.size());
        String speaker = null;
        for (Cue cue : cues) {
            double end = Math.max(cue.start, cue.end);
            List<Part> parts = parts(cue.lines, speaker);
            int totalLength = parts.stream().mapToInt(p -> p.text.length()).sum();
            int done = 0;
            for (Part part : parts) {
                double partStart = cue.start + (end - cue.start) * done / totalLength;
                done += part.text.length();
                double partEnd = parts.size() == 1 ? end : cue.start + (end - cue.start) * done / totalLength;
                segments.add(new TranscriptSegment(partStart, partEnd, part.speaker, part.text));
                speaker = part.speaker;
            }
        }
        return List.copyOf(segments);
    }

    private record Part(String speaker, String text) {
    }

    /** The cue's text, split where a voice span names a different speaker; blank parts dropped. */
    private static List<Part> parts(List<String> lines, String previousSpeaker) {
        String raw = VOICE_END.matcher(String.join("\n", lines)).replaceAll("");
        Matcher voice = VOICE.matcher(raw);
        List<Part> parts = new ArrayList<>();
        String speaker = previousSpeaker;
        int from = 0;
        boolean anyVoice = false;
        while (voice.find()) {
            addPart(parts, speaker, raw.substring(from, voice.start()));
            String named = TranscriptText.speakerName(voice.group(1));
            speaker = named != null ? named : speaker;
            from = voice.end();
            anyVoice = true;
        }
        if (anyVoice) {
            addPart(parts, speaker, raw.substring(from));
            return merged(parts);
        }
        // no voice span: an SRT-style "Name: " label on the first line, or the previous speaker
        String first = TranscriptText.clean(lines.isEmpty() ? "" : lines.get(0));
        String rest = TranscriptText.clean(String.join("\n", lines.subList(Math.min(1, lines.size()), lines.size())));
        SpeakerLabel.Split label = SpeakerLabel.split(first);
        if (label != null && !(label.text().isEmpty() && rest.isEmpty())) {
            addCleanPart(parts, label.speaker(), label.text() + " " + rest);
        } else {
            addCleanPart(parts, previousSpeaker, first + " " + rest);
        }
        return parts;
    }

    private static void addPart(List<Part> parts, String speaker, String markup) {
        addCleanPart(parts, speaker, TranscriptText.clean(markup));
    }

    /** Text already cleaned must not be cleaned again: "&amp;lt;" would turn into "<". */
    private static void addCleanPart(List<Part> parts, String speaker, String text) {
        String normalised = TranscriptText.normaliseSpace(text);
        if (!normalised.isEmpty()) {
            parts.add(new Part(speaker, normalised));
        }
    }

    /** Consecutive parts of one speaker (a voice span repeated) become one. */
    private static List<Part> merged(List<Part> parts) {
        List<Part> out = new ArrayList<>(parts.size());
        for (Part part : parts) {
            Part last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && Objects.equals(last.speaker, part.speaker)) {
                out.set(out.size() - 1, new Part(last.speaker, last.text + " " + part.text));
            } else {
                out.add(part);
            }
        }
        return out;
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}

package org.wavelength.ingest.transcript;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.port.TokenCounter;

/**
 * Groups transcript segments into passages that fit the embedding model's window, keeping their
 * times and speaker.
 *
 * <p><b>Size.</b> A passage's text counts at most {@code maxTokens} word pieces by the
 * {@link TokenCounter} (checked on the whole text). all-MiniLM-L6-v2 reads 256 pieces, two of them
 * the special tokens, so {@link #DEFAULT_MAX_TOKENS} is 240. If the counter counts special tokens
 * itself (a non-zero count for the empty text), they are taken into account.
 *
 * <p><b>Where passages end.</b> The words of all segments are filled into a passage until the next
 * would not fit; the cut is then moved back, within the last quarter of the passage, to the best
 * boundary there: a change of speaker, else the end of a sentence that is also the end of a segment,
 * else the end of a sentence, else the end of a segment, else the word where the passage is full.
 * A segment longer than a passage is thus split at its sentences, then at its words; the words'
 * times are interpolated within their segment in proportion to characters, and a single "word"
 * longer than a passage (a long URL) is split into pieces.
 *
 * <p><b>Speakers.</b> A change of speaker ends the passage as soon as the passage holds a quarter of
 * {@code maxTokens}, so that a passage of any size is one speaker's; a passage that starts with the
 * overlap of the previous one ends at the first change, so that the end of a turn is not glued to
 * the next speaker's words. Shorter turns ("Yeah, exactly.") are grouped with what follows, and such
 * a mixed passage's speaker is the one who says at least three quarters of its word pieces, or null
 * when nobody does: a short interjection does not take the speaker away from a monologue, but a real
 * exchange is not credited to one of its voices.
 *
 * <p><b>Overlap.</b> Each passage but the first starts about {@code overlapTokens} before the end of
 * the previous one, at the earliest start of a sentence within that reach (at a word when no
 * sentence starts there), so a sentence cut at the boundary is whole in the next passage when it is
 * no longer than the overlap. There is no overlap after a cut at a change of speaker: that cut is
 * clean, and overlapping would mix the speakers.
 *
 * <p>Segments are taken in the given order; blank ones are skipped. The result depends only on the
 * input and the counter: the same segments always give the same passages. Thread-safe if the
 * counter is.
 */
public final class PassageChunker {

    /** all-MiniLM-L6-v2's window of 256 word pieces, less room for [CLS], [SEP] and a margin. */
    public static final int DEFAULT_MAX_TOKENS = 240;
    /** About two sentences of speech. */
    public static final int DEFAULT_OVERLAP_TOKENS = 32;

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    // Punctuation that belongs to the word before it when a segment holds only that (word-level JSON)
    private static final Pattern CLOSING_PUNCTUATION = Pattern.compile("[.,;:!?%)\\]}…]+");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…][\"'’”)\\]]*");
    private static final Pattern ABBREVIATION =
            Pattern.compile("(?i)(mr|mrs|ms|dr|prof|st|jr|sr|vs|e\\.g|i\\.e|approx|no|vol|fig)\\.|\\p{Lu}\\.");

    private final TokenCounter counter;
    private final int maxTokens;
    private final int overlapTokens;
    /** Word pieces the counter adds to every text (special tokens); 0 for a plain counter. */
    private final int overhead;
    /** Word pieces available for words in a passage. */
    private final int budget;

    /** A chunker with {@link #DEFAULT_MAX_TOKENS} and {@link #DEFAULT_OVERLAP_TOKENS}. */
    public PassageChunker(TokenCounter counter) {
        this(counter, DEFAULT_MAX_TOKENS, DEFAULT_OVERLAP_TOKENS);
    }

    /**
     * @param counter       counts the word pieces of a text as the embedding model sees them
     * @param maxTokens     the most word pieces a passage may count
     * @param overlapTokens about how many word pieces a passage repeats from the end of the previous
     *                      one; at most half of {@code maxTokens}
     */
    public PassageChunker(TokenCounter counter, int maxTokens, int overlapTokens) {
        this.counter = Objects.requireNonNull(counter, "counter");
        if (overlapTokens < 0 || overlapTokens > maxTokens / 2) {
            throw new IllegalArgumentException("overlapTokens must be between 0 and half of maxTokens, not " + overlapTokens);
        }
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
        this.overhead = Math.max(0, counter.count(""));
        this.budget = maxTokens - overhead;
        if (budget < 1) {
            throw new IllegalArgumentException("maxTokens (" + maxTokens + ") leaves no room for words after the "
                    + overhead + " tokens the counter adds to every text");
        }
    }

    /** The words of a transcript, flattened, with what the cuts need to know about each. */
    private static final class Words {
        final List<String> text = new ArrayList<>();
        final List<String> speaker = new ArrayList<>();
        double[] start = new double[64];
        double[] end = new double[64];
        int[] tokens = new int[64];
        boolean[] segmentStart = new boolean[64];
        boolean[] sentenceEnd = new boolean[64];
        /** Joined to the word before without a space. */
        boolean[] attached = new boolean[64];

        int size() {
            return text.size();
        }

        void add(String word, String who, double from, double to, int count, boolean firstOfSegment, boolean attach) {
            int i = text.size();
            if (i == start.length) {
                int capacity = i * 2;
                start = Arrays.copyOf(start, capacity);
                end = Arrays.copyOf(end, capacity);
                tokens = Arrays.copyOf(tokens, capacity);
                segmentStart = Arrays.copyOf(segmentStart, capacity);
                sentenceEnd = Arrays.copyOf(sentenceEnd, capacity);
                attached = Arrays.copyOf(attached, capacity);
            }
            text.add(word);
            speaker.add(who);
            start[i] = from;
            end[i] = to;
            tokens[i] = count;
            segmentStart[i] = firstOfSegment;
            sentenceEnd[i] = SENTENCE_END.matcher(word).matches() && !ABBREVIATION.matcher(word).matches();
            attached[i] = attach;
        }

        boolean speakerChangesAt(int i) {
            return i > 0 && i < size() && !Objects.equals(speaker.get(i - 1), speaker.get(i));
        }
    }

    /** Passages covering all the segments' words, in order; empty when there are none. */
    public List<PassageDraft> chunk(List<TranscriptSegment> segments) {
        Map<String, Integer> cache = new HashMap<>();
        Words words = flatten(segments, cache);
        int n = words.size();
        int near = Math.max(1, budget / 4);
        List<PassageDraft> passages = new ArrayList<>();
        int from = 0;
        boolean overlapped = false;
        while (from < n) {
            int tokens = 0;
            int to = from;
            boolean atSpeakerChange = false;
            while (to < n) {
                if (to > from && words.speakerChangesAt(to) && (tokens >= near || overlapped)) {
                    atSpeakerChange = true;
                    break;
                }
                if (tokens + words.tokens[to] > budget) {
                    break;
                }
                tokens += words.tokens[to];
                to++;
            }
            to = Math.max(to, from + 1);
            if (!atSpeakerChange && to < n) {
                to = bestCut(words, from, to, near);
            }
            to = fit(words, from, to);
            passages.add(draft(words, from, to));
            if (to >= n) {
                break;
            }
            int next = overlapStart(words, from, to);
            overlapped = next < to;
            from = next;
        }
        return List.copyOf(passages);
    }

    private Words flatten(List<TranscriptSegment> segments, Map<String, Integer> cache) {
        Words words = new Words();
        if (segments == null) {
            return words;
        }
        for (TranscriptSegment segment : segments) {
            if (segment == null || segment.text() == null) {
                continue;
            }
            String text = SPACES.matcher(segment.text()).replaceAll(" ").strip();
            if (text.isEmpty()) {
                continue;
            }
            double duration = Math.max(0, segment.end() - segment.start());
            double length = text.length();
            int offset = 0;
            boolean first = true;
            for (String word : text.split(" ")) {
                boolean attach = first && words.size() > 0 && CLOSING_PUNCTUATION.matcher(word).matches();
                int pieceOffset = offset;
                for (String piece : pieces(word, cache)) {
                    double from = segment.start() + duration * pieceOffset / length;
                    pieceOffset += piece.length();
                    double to = segment.start() + duration * pieceOffset / length;
                    words.add(piece, segment.speaker(), from, to, tokens(piece, cache), first, attach);
                    attach = true; // the next pieces of a split word
                    first = false;
                }
                offset += word.length() + 1;
            }
        }
        return words;
    }

    /** The word, or its pieces when it alone counts more than a passage may. */
    private List<String> pieces(String word, Map<String, Integer> cache) {
        if (tokens(word, cache) <= budget) {
            return List.of(word);
        }
        List<String> pieces = new ArrayList<>();
        String rest = word;
        while (!rest.isEmpty()) {
            int length = rest.length();
            while (length > 1 && tokens(rest.substring(0, length), cache) > budget) {
                length /= 2;
            }
            if (length < rest.length() && Character.isHighSurrogate(rest.charAt(length - 1))) {
                length++; // never split a surrogate pair
            }
            pieces.add(rest.substring(0, length));
            rest = rest.substring(length);
        }
        return pieces;
    }

    private int tokens(String word, Map<String, Integer> cache) {
        return cache.computeIfAbsent(word, w -> Math.max(1, counter.count(w) - overhead));
    }

    /**
     * Where to end a full passage {@code [from, to)}: the best boundary among the cuts that drop at
     * most {@code window} word pieces from its end; the latest of equally good ones.
     */
    private static int bestCut(Words words, int from, int to, int window) {
        int best = to;
        int bestScore = score(words, to);
        int dropped = 0;
        for (int cut = to - 1; cut > from; cut--) {
            dropped += words.tokens[cut];
            if (dropped > window) {
                break;
            }
            int score = score(words, cut);
            if (score > bestScore) {
                best = cut;
                bestScore = score;
            }
        }
        return best;
    }

    /** How good a boundary before word {@code cut} is. */
    private static int score(Words words, int cut) {
        if (cut >= words.size()) {
            return 5;
        }
        if (words.speakerChangesAt(cut)) {
            return 4;
        }
        boolean sentence = words.sentenceEnd[cut - 1];
        boolean segment = words.segmentStart[cut];
        return sentence && segment ? 3 : sentence ? 2 : segment ? 1 : 0;
    }

    /** Shortens {@code [from, to)} until the counter, on the whole text, agrees it fits. */
    private int fit(Words words, int from, int to) {
        int end = to;
        while (end - from > 1 && counter.count(join(words, from, end)) > maxTokens) {
            end--;
        }
        return end;
    }

    /** Where the passage after {@code [from, to)} starts, for an overlap of about overlapTokens. */
    private int overlapStart(Words words, int from, int to) {
        if (overlapTokens == 0 || words.speakerChangesAt(to)) {
            return to;
        }
        String speaker = words.speaker.get(to - 1);
        int earliest = to;
        int sentenceStart = -1;
        int tokens = 0;
        for (int start = to - 1; start > from; start--) {
            if (!Objects.equals(words.speaker.get(start), speaker) || tokens + words.tokens[start] > overlapTokens) {
                break;
            }
            tokens += words.tokens[start];
            earliest = start;
            if (words.sentenceEnd[start - 1]) {
                sentenceStart = start;
            }
        }
        return sentenceStart >= 0 ? sentenceStart : earliest;
    }

    private static PassageDraft draft(Words words, int from, int to) {
        double start = Double.MAX_VALUE;
        double end = 0;
        Map<String, Integer> bySpeaker = new LinkedHashMap<>();
        int total = 0;
        for (int i = from; i < to; i++) {
            start = Math.min(start, words.start[i]);
            end = Math.max(end, words.end[i]);
            bySpeaker.merge(words.speaker.get(i), words.tokens[i], Integer::sum);
            total += words.tokens[i];
        }
        String speaker = null;
        for (Map.Entry<String, Integer> entry : bySpeaker.entrySet()) {
            if (entry.getValue() * 4 >= total * 3) {
                speaker = entry.getKey();
            }
        }
        return new PassageDraft(start, Math.max(start, end), speaker, join(words, from, to));
    }

    private static String join(Words words, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from && !words.attached[i]) {
                text.append(' ');
            }
            text.append(words.text.get(i));
        }
        return text.toString();
    }
}

package org.wavelength.web.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.ingest.transcript.PassageChunker;
import org.wavelength.ingest.transcript.PassageDraft;
import org.wavelength.ingest.transcript.TranscriptParser;
import org.wavelength.web.embedding.WordPieceCounter;

/**
 * The Changelog's Markdown transcripts as the product reads them ({@link TranscriptParser}) and chunks
 * them ({@link PassageChunker} with the model's word-piece counter): one podcast per show folder, one
 * episode per file, the passages of each episode in order.
 */
record ChangelogCorpus(List<Path> files, Map<Long, Podcast> podcasts, Map<Long, Episode> episodes,
        Map<Long, Passage> passages, Map<Long, List<TranscriptSegment>> segmentsByEpisode,
        Map<Long, List<Passage>> passagesByEpisode, Stats stats) {

    /** A marker alone in brackets, as the Markdown reader reads it (here only to count and hold out markers). */
    static final Pattern MARKER = Pattern.compile("\\\\*\\[\\\\*(\\d{1,3}(?::\\d{1,2}){1,3}(?:[.,]\\d{1,3})?)\\\\*\\]");

    /** What reading took: segments, time markers, transcripts without any marker, and the time spent. */
    record Stats(int segments, int markers, int untimed, double readSeconds) {
    }

    static ChangelogCorpus read(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        TranscriptParser parser = new TranscriptParser();
        PassageChunker chunker = new PassageChunker(new WordPieceCounter());
        Map<Long, Podcast> podcasts = new LinkedHashMap<>();
        Map<Long, Episode> episodes = new LinkedHashMap<>();
        Map<Long, Passage> passages = new LinkedHashMap<>();
        Map<Long, List<TranscriptSegment>> segmentsByEpisode = new LinkedHashMap<>();
        Map<Long, List<Passage>> passagesByEpisode = new LinkedHashMap<>();
        Map<String, Long> showIds = new HashMap<>();
        long nextPassage = 1;
        int segmentCount = 0;
        int markerCount = 0;
        int untimed = 0;
        long readNanos = 0;
        for (Path file : files) {
            String show = root.relativize(file).getName(0).toString();
            long podcastId = showIds.computeIfAbsent(show, s -> (long) showIds.size() + 1);
            podcasts.computeIfAbsent(podcastId, id -> new Podcast(id, id, "https://changelog.com/" + show, show,
                    "The Changelog", null, "en", List.of("Technology"), null, null, false, 0));
            long episodeId = episodes.size() + 1;
            String markdown = Files.readString(file, StandardCharsets.UTF_8);
            markerCount += (int) MARKER.matcher(markdown).results().count();
            long t0 = System.nanoTime();
            List<TranscriptSegment> segments = parser.parse(markdown.getBytes(StandardCharsets.UTF_8), "text/markdown",
                    file.getFileName().toString());
            List<PassageDraft> drafts = chunker.chunk(segments);
            readNanos += System.nanoTime() - t0;
            segmentCount += segments.size();
            untimed += segments.stream().allMatch(s -> s.start() == 0 && s.end() == 0) ? 1 : 0;
            episodes.put(episodeId, new Episode(episodeId, podcastId, file.getFileName().toString(),
                    file.getFileName().toString().replace(".md", ""), null, null, null, null, null, null, null, null,
                    null, null));
            List<Passage> list = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                PassageDraft d = drafts.get(i);
                Passage passage = new Passage(nextPassage++, episodeId, i, d.start(), d.end(), d.speaker(), d.text());
                passages.put(passage.id(), passage);
                list.add(passage);
            }
            segmentsByEpisode.put(episodeId, segments);
            passagesByEpisode.put(episodeId, list);
        }
        return new ChangelogCorpus(files, podcasts, episodes, passages, segmentsByEpisode, passagesByEpisode,
                new Stats(segmentCount, markerCount, untimed, readNanos / 1e9));
    }
}

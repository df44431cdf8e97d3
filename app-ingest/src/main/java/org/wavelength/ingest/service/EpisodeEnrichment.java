package org.wavelength.ingest.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.wavelength.core.domain.Chapter;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.ingest.IngestException;
import org.wavelength.ingest.fetch.FeedFetcher;
import org.wavelength.ingest.fetch.FeedUrls;
import org.wavelength.ingest.fetch.FetchedDocument;
import org.wavelength.ingest.transcript.ChaptersParser;
import org.wavelength.ingest.transcript.PassageChunker;
import org.wavelength.ingest.transcript.PassageDraft;
import org.wavelength.ingest.transcript.TranscriptChoice;
import org.wavelength.ingest.transcript.TranscriptParser;

/**
 * Transcripts and chapters of new or changed episodes: fetched (with the same limits and guards as
 * feeds), parsed, chunked into passages, stored and embedded. A bad transcript is recorded on its
 * episode and never fails the feed.
 */
@ApplicationScoped
public class EpisodeEnrichment {

    private final CatalogueStore catalogue;
    private final CatalogueIndexer indexer;
    private final FeedFetcher fetcher;
    private final TranscriptParser transcripts;
    private final ChaptersParser chapters;
    private final PassageChunker chunker;

    public EpisodeEnrichment(CatalogueStore catalogue, CatalogueIndexer indexer, FeedFetcher fetcher,
            TranscriptParser transcripts, ChaptersParser chapters, PassageChunker chunker) {
        this.catalogue = catalogue;
        this.indexer = indexer;
        this.fetcher = fetcher;
        this.transcripts = transcripts;
        this.chapters = chapters;
        this.chunker = chunker;
    }

    /** Returns how many passages were written. */
    public int enrich(Podcast podcast, List<Episode> episodes, Map<Long, FeedContent.Item> items) {
        int passages = 0;
        for (Episode episode : episodes) {
            FeedContent.Item item = items.get(episode.id());
            if (item == null) {
                continue;
            }
            var link = TranscriptChoice.richest(item.transcripts(), podcast.language());
            if (link.isPresent()) {
                passages += transcript(podcast, episode, link.get());
            }
            if (item.chaptersUrl() != null) {
                chapters(episode, item.chaptersUrl());
            }
        }
        return passages;
    }

    private int transcript(Podcast podcast, Episode episode, FeedContent.TranscriptLink link) {
        try {
            FetchedDocument document = fetcher.fetch(FeedUrls.parse(link.url()));
            // The feed's declared type is more reliable than servers' Content-Type for .vtt and .srt files.
            String type = link.type() != null ? link.type() : document.contentType();
            List<TranscriptSegment> segments = transcripts.parse(document.body(), type, link.url());
            List<Passage> drafts = chunker.chunk(segments).stream().map(d -> passage(episode, d)).toList();
            List<Passage> replaced = catalogue.passages(episode.id());
            List<Passage> stored = catalogue.storeTranscript(episode.id(), link.url(), segments, drafts);
            indexer.removePassages(podcast, replaced);
            return indexer.indexPassages(podcast, episode, stored);
        } catch (IngestException e) {
            catalogue.storeTranscriptError(episode.id(), link.url(), e.getMessage());
            Log.infof("Transcript of episode %d not read: %s", episode.id(), e.getMessage());
            return 0;
        }
    }

    private void chapters(Episode episode, String url) {
        try {
            List<Chapter> parsed = chapters.parse(fetcher.fetch(FeedUrls.parse(url)).body(), url);
            catalogue.storeChapters(episode.id(), parsed);
        } catch (IngestException e) {
            Log.infof("Chapters of episode %d not read: %s", episode.id(), e.getMessage());
        }
    }

    private static Passage passage(Episode episode, PassageDraft draft) {
        return new Passage(0, episode.id(), 0, draft.start(), draft.end(), draft.speaker(), draft.text());
    }
}

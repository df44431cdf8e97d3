package org.wavelength.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.wavelength.ingest.fetch.FeedFetcher;
import org.wavelength.core.port.TokenCounter;
import org.wavelength.ingest.parse.FeedParser;
import org.wavelength.ingest.transcript.ChaptersParser;
import org.wavelength.ingest.transcript.PassageChunker;
import org.wavelength.ingest.transcript.TranscriptParser;

/** The fetcher and parser are plain classes; this wires them from the configuration. */
@ApplicationScoped
public class IngestBeans {

    @Produces
    @ApplicationScoped
    FeedFetcher feedFetcher(IngestConfig config) {
        return new FeedFetcher(config.userAgent(), config.connectTimeout(), config.readTimeout(), config.maxBytes(),
                config.allowPrivateHosts());
    }

    @Produces
    @ApplicationScoped
    TranscriptParser transcriptParser() {
        return new TranscriptParser();
    }

    @Produces
    @ApplicationScoped
    ChaptersParser chaptersParser() {
        return new ChaptersParser();
    }

    /** Passages sized for the embedding model's window, counted in its own word pieces. */
    @Produces
    @ApplicationScoped
    PassageChunker passageChunker(TokenCounter counter) {
        return new PassageChunker(counter);
    }

    @Produces
    @ApplicationScoped
    FeedParser feedParser(IngestConfig config) {
        return new FeedParser(config.parseTimeLimit());
    }
}

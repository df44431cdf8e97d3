package org.wavelength.ingest.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.FeedStore;
import org.wavelength.core.service.CatalogueIndexer;
import org.wavelength.ingest.IngestException;
import org.wavelength.ingest.config.IngestConfig;
import org.wavelength.ingest.fetch.FeedFetcher;
import org.wavelength.ingest.fetch.FetchedDocument;
import org.wavelength.ingest.parse.FeedParser;

/**
 * Fetch, parse, store, embed: one feed through the whole pipeline. Whatever goes wrong is stored on
 * the feed as a message for the admin; what was stored before stays as it was.
 */
@ApplicationScoped
public class FeedIngestion {

    /** Backoff after failures never waits longer than this. */
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    private final FeedStore feeds;
    private final CatalogueStore catalogue;
    private final CatalogueIndexer indexer;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final IngestConfig config;
    private final Clock clock;

    @Inject
    public FeedIngestion(FeedStore feeds, CatalogueStore catalogue, CatalogueIndexer indexer, FeedFetcher fetcher,
            FeedParser parser, IngestConfig config) {
        this(feeds, catalogue, indexer, fetcher, parser, config, Clock.systemUTC());
    }

    FeedIngestion(FeedStore feeds, CatalogueStore catalogue, CatalogueIndexer indexer, FeedFetcher fetcher,
            FeedParser parser, IngestConfig config, Clock clock) {
        this.feeds = feeds;
        this.catalogue = catalogue;
        this.indexer = indexer;
        this.fetcher = fetcher;
        this.parser = parser;
        this.config = config;
        this.clock = clock;
    }

    /** Fetches a web feed and ingests it, unless another worker holds it right now. */
    public Outcome refresh(long feedId) {
        Feed feed = feeds.feed(feedId).orElseThrow(() -> new UnknownItemException("feed", feedId));
        if (!claim(feedId)) {
            return Outcome.SKIPPED;
        }
        return runRecorded(feed, () -> {
            FetchedDocument document = fetcher.fetch(URI.create(feed.url()));
            return ingest(feed, document.body(), document.finalUri());
        });
    }

    /** Ingests a feed document that arrived without fetching (a file from the bootstrap folder or an upload). */
    public Outcome ingestDocument(long feedId, byte[] document, URI base) {
        Feed feed = feeds.feed(feedId).orElseThrow(() -> new UnknownItemException("feed", feedId));
        if (!claim(feedId)) {
            return Outcome.SKIPPED;
        }
        return runRecorded(feed, () -> ingest(feed, document, base));
    }

    private boolean claim(long feedId) {
        Instant now = clock.instant();
        return feeds.claim(feedId, now, now.plus(config.lease()));
    }

    private Outcome ingest(Feed feed, byte[] document, URI base) {
        FeedContent content = parser.parse(document, base);
        StoredFeed stored = catalogue.store(feed.id(), content);
        int vectors = indexer.index(stored);
        Instant now = clock.instant();
        Instant next = feed.url().startsWith("http") ? now.plus(config.refreshInterval()) : null;
        feeds.recordSuccess(feed.id(), stored.podcast().id(), stored.podcast().title(), now, next);
        Log.infof("Ingested %s: %d episodes listed, %d new or changed, %d vectors written", feed.url(),
                content.items().size(), stored.changedEpisodes().size(), vectors);
        return Outcome.INGESTED;
    }

    private Outcome runRecorded(Feed feed, java.util.function.Supplier<Outcome> work) {
        try {
            return work.get();
        } catch (IngestException e) {
            fail(feed, e.getMessage());
            Log.infof("Feed %s failed: %s", feed.url(), e.getMessage());
        } catch (RuntimeException e) {
            // Not foreseen: keep the feed's data, tell the admin, and leave the details in the log.
            fail(feed, "Ingestion failed unexpectedly (" + e.getClass().getSimpleName() + "). The server log has the details.");
            Log.errorf(e, "Feed %s failed unexpectedly", feed.url());
        } catch (Error e) {
            // Record it so the feed does not stay FETCHING until its lease ends, then let it propagate.
            fail(feed, "Ingestion failed with a server error (" + e.getClass().getSimpleName() + "). The server log has the details.");
            Log.errorf(e, "Feed %s failed with an error", feed.url());
            throw e;
        }
        return Outcome.FAILED;
    }

    private void fail(Feed feed, String message) {
        int failures = feed.consecutiveFailures() + 1;
        boolean dead = failures >= config.maxFailures();
        Instant now = clock.instant();
        feeds.recordFailure(feed.id(), message, now, now.plus(backoff(failures)), dead);
    }

    /** Doubles with each failure in a row, from the poll interval up to {@link #MAX_BACKOFF}. */
    Duration backoff(int failures) {
        Duration base = config.pollInterval().multipliedBy(2);
        Duration wait = base.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    public enum Outcome { INGESTED, FAILED, SKIPPED }
}

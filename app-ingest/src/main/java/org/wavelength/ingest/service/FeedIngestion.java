package org.wavelength.ingest.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.FeedStore;
import org.wavelength.ingest.IngestException;
import org.wavelength.ingest.config.IngestConfig;
import org.wavelength.ingest.fetch.FeedFetcher;
import org.wavelength.ingest.fetch.FeedUrls;
import org.wavelength.ingest.fetch.FetchResult;
import org.wavelength.ingest.fetch.FetchedDocument;
import org.wavelength.ingest.fetch.NotModified;
import org.wavelength.ingest.fetch.Validators;
import org.wavelength.ingest.language.LanguageGuess;
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
    private final EpisodeEnrichment enrichment;
    private final IngestConfig config;
    private final Clock clock;

    @Inject
    public FeedIngestion(FeedStore feeds, CatalogueStore catalogue, CatalogueIndexer indexer, FeedFetcher fetcher,
            FeedParser parser, EpisodeEnrichment enrichment, IngestConfig config) {
        this(feeds, catalogue, indexer, fetcher, parser, enrichment, config, Clock.systemUTC());
    }

    FeedIngestion(FeedStore feeds, CatalogueStore catalogue, CatalogueIndexer indexer, FeedFetcher fetcher,
            FeedParser parser, EpisodeEnrichment enrichment, IngestConfig config, Clock clock) {
        this.feeds = feeds;
        this.catalogue = catalogue;
        this.indexer = indexer;
        this.fetcher = fetcher;
        this.parser = parser;
        this.enrichment = enrichment;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Fetches a web feed and ingests it if it is still due: not held by another worker right now, nor just
     * fetched by one (a refresh queued here may meet a feed another instance has done since).
     */
    public Outcome refresh(long feedId) {
        Feed feed = feeds.feed(feedId).orElseThrow(() -> new UnknownItemException("feed", feedId));
        Instant claimed = clock.instant();
        if (!feeds.claimDue(feedId, claimed, claimed.plus(config.lease()))) {
            return Outcome.SKIPPED;
        }
        return runRecorded(feed, () -> {
            FetchResult result = fetcher.fetch(URI.create(feed.url()), new Validators(feed.etag(), feed.lastModified()));
            if (result.permanentRedirect() != null) {
                follow(feed, result.permanentRedirect().toString(), "a permanent redirect");
            }
            if (result instanceof NotModified) {
                Instant now = clock.instant();
                feeds.recordNotModified(feed.id(), now, now.plus(config.refreshInterval()));
                return Outcome.NOT_MODIFIED; // a 304 costs no parsing
            }
            FetchedDocument document = (FetchedDocument) result;
            return ingest(feed, document.body(), document.finalUri(), document.validators());
        });
    }

    /** Ingests a feed document that arrived without fetching (a file from the bootstrap folder or an upload). */
    public Outcome ingestDocument(long feedId, byte[] document, URI base) {
        Feed feed = feeds.feed(feedId).orElseThrow(() -> new UnknownItemException("feed", feedId));
        if (!claim(feedId)) {
            return Outcome.SKIPPED;
        }
        return runRecorded(feed, () -> ingest(feed, document, base, Validators.NONE));
    }

    private boolean claim(long feedId) {
        Instant now = clock.instant();
        return feeds.claim(feedId, now, now.plus(config.lease()));
    }

    private Outcome ingest(Feed feed, byte[] document, URI base, Validators validators) {
        // Cut while the XML is read, before anything is stored or embedded: what one feed costs stays bounded.
        NewestItems newest = config.maxItemsPerFeed() > 0
                ? NewestItems.of(parser.parseNewest(document, base, config.maxItemsPerFeed()), config.maxItemsPerFeed())
                : new NewestItems(parser.parse(document, base), null);
        FeedContent content = withLanguage(newest.content());
        if (newest.cap() != null) {
            Log.infof("Feed %s lists %d items; its newest %d are kept", feed.url(), newest.cap().listed(), newest.cap().kept());
        }
        StoredFeed stored = catalogue.store(feed.id(), content);
        int vectors = indexer.index(stored);
        int passages = enrichment.enrich(stored.podcast(), stored.changedEpisodes(), stored.itemsById());
        boolean web = feed.url().startsWith("http");
        if (web && content.show().newFeedUrl() != null) {
            follow(feed, content.show().newFeedUrl(), "itunes:new-feed-url");
        }
        Instant now = clock.instant();
        feeds.recordSuccess(feed.id(), stored.podcast().id(), stored.podcast().title(), now,
                web ? now.plus(config.refreshInterval()) : null, validators.etag(), validators.lastModified(), newest.cap());
        Log.infof("Ingested %s: %d episodes listed, %d new or changed, %d vectors and %d passages written", feed.url(),
                content.items().size(), stored.changedEpisodes().size(), vectors, passages);
        return Outcome.INGESTED;
    }

    /**
     * A feed without {@code <language>} gets one guessed from its text: the language decides the
     * index segment and so the embedding model.
     */
    static FeedContent withLanguage(FeedContent content) {
        if (content.language() != null) {
            return content;
        }
        StringBuilder sample = new StringBuilder();
        sample.append(Objects.toString(content.title(), "")).append(". ").append(Objects.toString(content.description(), ""));
        content.items().stream().limit(10).forEach(item -> sample.append(". ").append(Objects.toString(item.title(), "")));
        return LanguageGuess.of(sample.toString()).map(content::withLanguage).orElse(content);
    }

    /** The feed moved for good: later fetches go to the new address (when no other feed has it). */
    private void follow(Feed feed, String newUrl, String why) {
        try {
            String url = FeedUrls.parse(newUrl).toString();
            if (!url.equals(feed.url()) && feeds.moveTo(feed.id(), url)) {
                Log.infof("Feed %d moved to %s (%s)", feed.id(), url, why);
            }
        } catch (IngestException e) {
            Log.infof("Feed %d names a new address that is not usable (%s): %s", feed.id(), newUrl, e.getMessage());
        }
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

    public enum Outcome { INGESTED, NOT_MODIFIED, FAILED, SKIPPED }
}

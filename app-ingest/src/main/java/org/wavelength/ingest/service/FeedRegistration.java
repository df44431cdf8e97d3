package org.wavelength.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.domain.Feed;
import org.wavelength.core.port.FeedStore;
import org.wavelength.ingest.IngestException;
import org.wavelength.ingest.fetch.FeedFetcher;
import org.wavelength.ingest.fetch.FeedUrls;
import org.wavelength.ingest.opml.OpmlEntry;
import org.wavelength.ingest.opml.OpmlException;
import org.wavelength.ingest.opml.OpmlReader;
import org.wavelength.ingest.opml.OpmlWriter;

/** How feeds enter the catalogue: one URL, an OPML list, or a feed document. */
@ApplicationScoped
public class FeedRegistration {

    private final FeedStore feeds;
    private final FeedIngestion ingestion;
    private final IngestWorker worker;
    private final FeedFetcher fetcher;

    public FeedRegistration(FeedStore feeds, FeedIngestion ingestion, IngestWorker worker, FeedFetcher fetcher) {
        this.feeds = feeds;
        this.ingestion = ingestion;
        this.worker = worker;
        this.fetcher = fetcher;
    }

    /**
     * Registers a feed URL and starts fetching it when this instance ingests.
     *
     * @throws org.wavelength.ingest.fetch.InvalidFeedUrlException when it is not an http(s) URL
     */
    public FeedStore.Registration add(String url) {
        URI uri = FeedUrls.parse(url);
        FeedStore.Registration registration = feeds.register(uri.toString());
        if (registration.created()) {
            worker.submit(registration.feed().id());
        }
        return registration;
    }

    /**
     * Asks for a feed to be fetched again now, even a DEAD one. The request is kept in the database, so the
     * instance that ingests takes it (at once when it is this one, else at its next poll).
     */
    public void refresh(long feedId) {
        feeds.fetchSoon(feedId, Instant.now());
        worker.submit(feedId);
    }

    /**
     * Registers every feed of an OPML document in one transaction; a bad entry is reported and does
     * not stop the others. Thousands of entries are fine: the new feeds are fetched in the background.
     */
    public OpmlImport importOpml(byte[] opml) {
        int added = 0;
        int present = 0;
        List<OpmlImport.Invalid> invalid = new ArrayList<>();
        for (ListedFeed listed : registerEach(opml, Integer.MAX_VALUE)) {
            if (listed.feed() == null) {
                invalid.add(new OpmlImport.Invalid(listed.url(), listed.refusal()));
            } else if (listed.created()) {
                added++;
            } else {
                present++;
            }
        }
        return new OpmlImport(added, present, invalid);
    }

    /**
     * Registers every feed of an OPML document, as {@link #importOpml}, and says what became of each entry in
     * the document's order: its feed (new, and being fetched, or known) or why it was refused (the URL rules
     * and SSRF guard of every feed). A document of more than {@code maxEntries} entries registers nothing.
     */
    public List<ListedFeed> registerEach(byte[] opml, int maxEntries) {
        List<OpmlEntry> entries = new OpmlReader().read(opml);
        if (entries.size() > maxEntries) {
            throw new OpmlException("The list holds " + entries.size() + " feeds; at most " + maxEntries + " are imported at once.");
        }
        List<String> urls = new ArrayList<>(entries.size());
        List<ListedFeed> listed = new ArrayList<>(entries.size());
        for (OpmlEntry entry : entries) {
            try {
                urls.add(FeedUrls.parse(entry.xmlUrl()).toString());
                listed.add(null); // filled below, in order
            } catch (IngestException e) {
                listed.add(new ListedFeed(entry.xmlUrl(), entry.title(), null, false, e.getMessage()));
            }
        }
        var registrations = feeds.registerAll(urls).iterator();
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i) == null) {
                FeedStore.Registration registration = registrations.next();
                if (registration.created()) {
                    worker.submit(registration.feed().id());
                }
                listed.set(i, new ListedFeed(registration.feed().url(), entries.get(i).title(), registration.feed(),
                        registration.created(), null));
            }
        }
        return listed;
    }

    /** {@link #registerEach} of the OPML document at a web address (fetched with the guards and limits of feeds). */
    public List<ListedFeed> registerEachFrom(String url, int maxEntries) {
        return registerEach(fetcher.fetch(FeedUrls.parse(url)).body(), maxEntries);
    }

    /** Imports the OPML document at a web address (fetched with the same limits and guards as feeds). */
    public OpmlImport importOpmlFrom(String url) {
        return importOpml(fetcher.fetch(FeedUrls.parse(url)).body());
    }

    /** Every followed feed as OPML 2.0. */
    public String exportOpml() {
        return new OpmlWriter().write(feeds.all());
    }

    /**
     * Ingests a feed document that did not come from the web (an upload or a file), under the given
     * source address, and waits for it.
     */
    public Feed ingestDocument(URI source, byte[] document) {
        FeedStore.Registration registration = feeds.register(source.toString());
        ingestion.ingestDocument(registration.feed().id(), document, source);
        return feeds.feed(registration.feed().id()).orElseThrow();
    }

    /** One entry of an OPML document: its feed ({@code created} when new), or null and why it was refused. */
    public record ListedFeed(String url, String title, Feed feed, boolean created, String refusal) {
    }

    public record OpmlImport(int added, int present, List<Invalid> invalid) {
        public record Invalid(String url, String reason) {
        }
    }
}

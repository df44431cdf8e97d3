package org.wavelength.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.wavelength.ingest.fetch.FeedFetcher;
import org.wavelength.ingest.parse.FeedParser;

/** The fetcher and parser are plain classes; this wires them from the configuration. */
@ApplicationScoped
public class IngestBeans {

    @Produces
    @ApplicationScoped
    FeedFetcher feedFetcher(IngestConfig config) {
        return new FeedFetcher(config.userAgent(), config.connectTimeout(), config.readTimeout(), config.maxBytes());
    }

    @Produces
    @ApplicationScoped
    FeedParser feedParser() {
        return new FeedParser();
    }
}

package org.wavelength.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "wavelength.ingest")
public interface IngestConfig {
    /** Off on web replicas, so that only ingest workers fetch feeds; the API still accepts new feeds. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("Wavelength/0.1 (podcast discovery; +https://github.com/wavelength-podcasts/wavelength)")
    String userAgent();

    @WithDefault("10s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration readTimeout();

    /** Largest feed body accepted, counted while streaming. */
    @WithDefault("20971520")
    long maxBytes();

    /** How often a healthy feed is fetched again. */
    @WithDefault("1h")
    Duration refreshInterval();

    /** How often this instance looks for due feeds. */
    @WithDefault("30s")
    Duration pollInterval();

    /** How long a worker may hold a feed before another instance may take it over. */
    @WithDefault("10m")
    Duration lease();

    /** Failures in a row after which a feed is DEAD and no longer retried by itself. */
    @WithDefault("8")
    int maxFailures();

    /**
     * Lets feeds, transcripts and chapters come from loopback, private and link-local addresses.
     * Off in production (it would let an admin's URL reach internal services); on for tests and demos.
     */
    @WithDefault("false")
    boolean allowPrivateHosts();

    /** Longest time one feed's document may take to parse, so that no document holds a worker for long. */
    @WithDefault("60s")
    Duration parseTimeLimit();

    /**
     * How often the ingest worker makes the index agree with the database (and once shortly after
     * start): what a crash left stored but not indexed is written, vectors without a row deleted.
     * {@code off} never (read by the schedule of {@code IndexRepair}).
     */
    @WithDefault("1h")
    String reconcileInterval();

    /**
     * Most items kept of one feed, its newest by publication date: bounds the memory and the time one
     * feed takes (a 50,000-item feed otherwise took gigabytes). The admin sees when a feed was cut.
     */
    @WithDefault("3000")
    int maxItemsPerFeed();

    /** Feeds fetched at once by this instance. */
    @WithDefault("2")
    int workers();
}

package org.wavelength.ingest.service;

import java.time.Duration;
import org.wavelength.ingest.config.IngestConfig;

/** The defaults of {@link IngestConfig}, with the number of workers and the item cap of a test. */
record IngestTestConfig(int workers, int maxItemsPerFeed) implements IngestConfig {

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String userAgent() {
        return "Wavelength test";
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration readTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public long maxBytes() {
        return 20 * 1024 * 1024;
    }

    @Override
    public Duration refreshInterval() {
        return Duration.ofHours(1);
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(10);
    }

    @Override
    public int maxFailures() {
        return 8;
    }

    @Override
    public boolean allowPrivateHosts() {
        return true;
    }

    @Override
    public String reconcileInterval() {
        return "off";
    }

    @Override
    public Duration parseTimeLimit() {
        return Duration.ofSeconds(60);
    }
}

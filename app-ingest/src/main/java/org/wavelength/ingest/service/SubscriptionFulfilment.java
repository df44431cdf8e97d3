package org.wavelength.ingest.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.wavelength.core.listener.ImportedSubscriptions;

/**
 * Subscribes listeners who imported a feed before its podcast was stored, once it is, at the pace feeds are
 * polled. Safe on every instance at once: each request is taken by one.
 */
@ApplicationScoped
public class SubscriptionFulfilment {

    private final ImportedSubscriptions imported;

    public SubscriptionFulfilment(ImportedSubscriptions imported) {
        this.imported = imported;
    }

    @Scheduled(every = "${wavelength.ingest.poll-interval:30s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fulfil() {
        imported.fulfil();
    }
}

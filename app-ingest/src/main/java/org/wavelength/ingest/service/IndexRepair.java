package org.wavelength.ingest.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.wavelength.core.index.IndexReconciliation;
import org.wavelength.core.index.IndexWrites;

/**
 * On the ingest worker, shortly after start and then every {@code wavelength.ingest.reconcile-interval}:
 * the index is made to agree with the database ({@link IndexReconciliation}), so that what a crash
 * left stored but not indexed becomes searchable, and vectors without a row go.
 */
@ApplicationScoped
public class IndexRepair {

    private final IndexReconciliation reconciliation;
    private final IndexWrites writes;

    public IndexRepair(IndexReconciliation reconciliation, IndexWrites writes) {
        this.reconciliation = reconciliation;
        this.writes = writes;
    }

    @Scheduled(every = "${wavelength.ingest.reconcile-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = IngestWorker.IngestDisabled.class)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            Log.error("Reconciling the index with the database failed; the next run tries again", e);
        }
    }

    public IndexReconciliation.Result run() {
        writes.flush(); // what is buffered is not missing
        IndexReconciliation.Result result = reconciliation.reconcile();
        if (result.changedAnything()) {
            Log.infof("Index reconciled with the database: %d podcasts compared, %d documents written, %d vectors deleted",
                    result.podcasts(), result.written(), result.deleted());
        }
        return result;
    }
}

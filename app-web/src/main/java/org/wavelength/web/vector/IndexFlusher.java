package org.wavelength.web.vector;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.wavelength.core.index.IndexWrites;

/** Batch mode: buffered documents are written at least this often (real-time mode has none buffered). */
@ApplicationScoped
public class IndexFlusher {

    private final IndexWrites writes;

    public IndexFlusher(IndexWrites writes) {
        this.writes = writes;
    }

    /** After the ingest workers stopped: in batch mode nothing acknowledged is lost on an orderly shutdown. */
    void onStop(@Observes @Priority(5000) ShutdownEvent event) {
        writes.flush();
    }

    @Scheduled(every = "${wavelength.index.flush-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        writes.flush();
    }
}

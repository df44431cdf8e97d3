package org.wavelength.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wavelength.core.port.SharedDocuments.Change;

/** What every {@link SharedDocuments} must do; each implementation's test extends it. */
public abstract class SharedDocumentsContract {

    protected static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    protected abstract SharedDocuments documents();

    /** A kind of its own per test: the database outlives one test. */
    private final String kind = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDocumentIsWrittenReadChangedAndDeleted() {
        SharedDocuments documents = documents();
        assertThat(documents.read(kind, "a", NOW)).isEmpty();

        assertThat(documents.update(kind, "a", NOW, current -> new Change("one", NOW.plusSeconds(60)))).contains("one");
        assertThat(documents.read(kind, "a", NOW)).contains("one");
        assertThat(documents.read(kind, "b", NOW)).as("another key").isEmpty();

        documents.update(kind, "a", NOW, current -> new Change(current.orElseThrow() + " two", NOW.plusSeconds(60)));
        assertThat(documents.read(kind, "a", NOW)).contains("one two");

        documents.update(kind, "a", NOW, current -> Change.DELETE);
        assertThat(documents.read(kind, "a", NOW)).isEmpty();
    }

    @Test
    void anExpiredDocumentIsNotReadAndAChangeStartsAfresh() {
        SharedDocuments documents = documents();
        documents.update(kind, "a", NOW, current -> new Change("old", NOW.plusSeconds(60)));

        Instant later = NOW.plusSeconds(61);
        assertThat(documents.read(kind, "a", later)).isEmpty();
        List<Optional<String>> seen = new ArrayList<>();
        documents.update(kind, "a", later, current -> {
            seen.add(current);
            return new Change("new", later.plusSeconds(60));
        });
        assertThat(seen).containsOnly(Optional.empty());
        assertThat(documents.read(kind, "a", later)).contains("new");
    }

    @Test
    void pruningLetsGoOfTheExpiredAndPastCapacityTheLeastRecentlyChanged() {
        SharedDocuments documents = documents();
        documents.update(kind, "expired", NOW, current -> new Change("x", NOW.plusSeconds(1)));
        for (int i = 0; i < 4; i++) {
            Instant at = NOW.plusSeconds(10 + i);
            documents.update(kind, "kept-" + i, at, current -> new Change("x", at.plus(Duration.ofHours(1))));
        }

        List<String> gone = documents.prune(kind, 2, NOW.plusSeconds(20));

        assertThat(gone).containsExactlyInAnyOrder("expired", "kept-0", "kept-1");
        assertThat(documents.read(kind, "kept-2", NOW.plusSeconds(20))).isPresent();
        assertThat(documents.read(kind, "kept-3", NOW.plusSeconds(20))).isPresent();
        assertThat(documents.prune(kind, 2, NOW.plusSeconds(20))).isEmpty();
    }

    @Test
    void changesAtOnceAreSerialisedAndNoneIsLost() throws Exception {
        SharedDocuments documents = documents();
        int threads = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) { // the first ones race to create the document
                        documents.update(kind, "counter", NOW, current -> new Change(
                                String.valueOf(current.map(Integer::parseInt).orElse(0) + 1), NOW.plusSeconds(60)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(documents.read(kind, "counter", NOW)).contains(String.valueOf(threads * each));
    }
}

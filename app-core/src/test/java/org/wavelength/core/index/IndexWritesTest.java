package org.wavelength.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wavelength.core.index.IndexFixtures.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.VectorFilter;

class IndexWritesTest {

    InMemoryVectorStore store = new InMemoryVectorStore();
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(new Fixtures.TableEmbedder()));
    List<Duration> lags = new ArrayList<>();
    MutableClock clock = new MutableClock();

    @Test
    void realTimeWritesAreSearchableWhenTheCallReturns() {
        new IndexWrites(index, IndexWrites.Mode.REALTIME, 100, lags::add, clock).submit(List.of(document(1, "en")));
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(1);
        assertThat(lags).hasSize(1);
    }

    @Test
    void batchWritesWaitForASizeOrAFlushAndRecordTheirLag() {
        IndexWrites writes = new IndexWrites(index, IndexWrites.Mode.BATCH, 3, lags::add, clock);
        writes.submit(List.of(document(1, "en"), document(2, "en")));
        assertThat(index.count("en", VectorFilter.ALL)).isZero();
        assertThat(writes.pending()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(2));
        writes.submit(List.of(document(3, "en")));
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(3);
        assertThat(lags).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ZERO);

        writes.submit(List.of(document(4, "en")));
        clock.advance(Duration.ofMillis(500));
        assertThat(writes.flush()).isEqualTo(1);
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(4);
        assertThat(lags).last().isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aFailedFlushKeepsTheDocumentsForTheNextOne() {
        IndexWrites writes = new IndexWrites(new SegmentedIndex(new FailingOnce(store),
                new Fixtures.FixedEmbedders(new Fixtures.TableEmbedder())), IndexWrites.Mode.BATCH, 10, lags::add, clock);
        writes.submit(List.of(document(1, "en")));
        assertThatThrownBy(writes::flush).isInstanceOf(IllegalStateException.class);
        assertThat(writes.pending()).isEqualTo(1);
        assertThat(writes.flush()).isEqualTo(1);
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(1);
    }

    /** A store whose first upsert fails, as a network blip would. */
    static final class FailingOnce extends InMemoryVectorStore {
        private final InMemoryVectorStore delegate;
        private boolean failed;

        FailingOnce(InMemoryVectorStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void createCollection(String collection, int dimension) {
            delegate.createCollection(collection, dimension);
        }

        @Override
        public void setAlias(String alias, String collection) {
            delegate.setAlias(alias, collection);
        }

        @Override
        public java.util.Optional<String> resolveAlias(String alias) {
            return delegate.resolveAlias(alias);
        }

        @Override
        public void upsert(String collection, List<org.wavelength.core.port.VectorPoint> points) {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("store unavailable");
            }
            delegate.upsert(collection, points);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

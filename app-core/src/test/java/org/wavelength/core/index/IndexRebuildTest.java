package org.wavelength.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wavelength.core.index.IndexFixtures.document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.IndexSource;
import org.wavelength.core.port.VectorFilter;

class IndexRebuildTest {

    InMemoryVectorStore store = new InMemoryVectorStore();
    Fixtures.TableEmbedder mini = new Fixtures.TableEmbedder("mini", 3);
    Fixtures.TableEmbedder wide = new Fixtures.TableEmbedder("wide", 4);
    SegmentedIndex index = new SegmentedIndex(store, new Fixtures.FixedEmbedders(mini, wide));
    List<Runnable> later = new CopyOnWriteArrayList<>();
    Database database = new Database();

    /** The database: what a rebuild reads, and where writers store before they index. */
    static final class Database implements IndexSource {
        final ConcurrentHashMap<Long, IndexDocument> rows = new ConcurrentHashMap<>();
        Runnable duringCopy = () -> { };

        @Override
        public long count(String segment) {
            return rows.size();
        }

        @Override
        public void forEach(String segment, int batchSize, Consumer<List<IndexDocument>> batches) {
            List<IndexDocument> all = new ArrayList<>(rows.values());
            for (int from = 0; from < all.size(); from += batchSize) {
                batches.accept(all.subList(from, Math.min(from + batchSize, all.size())));
                duringCopy.run();
            }
        }

        @Override
        public java.util.Set<String> segments() {
            return java.util.Set.of("en");
        }

        @Override
        public List<Long> podcastIds(String segment) {
            return List.of(1L);
        }

        @Override
        public List<IndexDocument> documentsOf(long podcastId) {
            return new ArrayList<>(rows.values());
        }
    }

    IndexRebuild rebuild() {
        return new IndexRebuild(index, database, List.of(), Runnable::run, (task, delay) -> later.add(task), Duration.ofMinutes(10),
                Clock.systemUTC());
    }

    void store(IndexDocument document) {
        database.rows.put(document.payload().entityId(), document);
        index.write(List.of(document));
    }

    @Test
    void aRebuildWithANewModelSwitchesTheAliasAndDropsTheOldCollectionAfterTheGrace() {
        LongStream.rangeClosed(1, 150).forEach(i -> store(document(i, "en")));

        var progress = rebuild().start("en", "wide");

        assertThat(progress.state()).isEqualTo(IndexRebuild.State.SWITCHED);
        assertThat(progress.done()).isEqualTo(150);
        assertThat(progress.total()).isEqualTo(150);
        assertThat(index.serving("en")).hasValue("wavelength_en_wide_v2");
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(150);
        assertThat(index.embedQuery("en", "anything")).hasValueSatisfying(v -> assertThat(v).hasSize(4));
        assertThat(store.collections()).contains("wavelength_en_mini_v1");

        later.forEach(Runnable::run);
        assertThat(store.collections()).containsExactly("wavelength_en_wide_v2");
    }

    @Test
    void writesDuringTheCopyReachTheNewCollectionAndQueriesNeverComeBackEmpty() {
        LongStream.rangeClosed(1, 200).forEach(i -> store(document(i, "en")));
        List<Long> counts = new ArrayList<>();
        long[] next = {1000};
        database.duringCopy = () -> {
            store(document(next[0]++, "en"));
            counts.add(index.count("en", VectorFilter.ALL));
        };

        rebuild().start("en", null);

        assertThat(counts).allSatisfy(c -> assertThat(c).isPositive());
        long written = next[0] - 1000;
        assertThat(written).isPositive();
        assertThat(index.serving("en")).hasValue("wavelength_en_mini_v2");
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(200 + written);
    }

    @Test
    void onlyOneRebuildOfASegmentRunsAtATime() {
        store(document(1, "en"));
        List<Runnable> queued = new ArrayList<>();
        IndexRebuild slow = new IndexRebuild(index, database, List.of(), queued::add, (t, d) -> { }, Duration.ZERO, Clock.systemUTC());
        slow.start("en", null);
        assertThatThrownBy(() -> slow.start("en", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already running");
        queued.forEach(Runnable::run);
        assertThat(slow.progress().get("en").state()).isEqualTo(IndexRebuild.State.SWITCHED);
        assertThat(store.resolveAlias(Segments.alias("en"))).hasValue("wavelength_en_mini_v2");
    }
}

package org.wavelength.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wavelength.core.index.IndexFixtures.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemorySharedDocuments;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.port.SettableClock;
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
    /** The database's table of shared documents, which every replica reads. */
    InMemorySharedDocuments records = new InMemorySharedDocuments();
    SettableClock clock = new SettableClock(Instant.parse("2026-12-08T10:00:00Z"));

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
        return new IndexRebuild(index, database, List.of(), records, Runnable::run, (task, delay) -> later.add(task),
                Duration.ofMinutes(10), clock);
    }

    /** A rebuild whose work waits in {@code queued} until the test runs it: one replica of several. */
    IndexRebuild replica(List<Runnable> queued) {
        return new IndexRebuild(index, database, List.of(), records, queued::add, (t, d) -> { }, Duration.ZERO, clock);
    }

    void store(IndexDocument document) {
        database.rows.put(document.payload().entityId(), document);
        index.write(List.of(document));
    }

    @Test
    void aRebuildWithANewModelSwitchesTheAliasAndDropsTheOldCollectionAfterTheGrace() {
        LongStream.rangeClosed(1, 150).forEach(i -> store(document(i, "en")));

        var progress = rebuild().start("en", "wide");

        assertThat(progress.state()).isEqualTo(RebuildProgress.State.SWITCHED);
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
        IndexRebuild slow = replica(queued);
        slow.start("en", null);
        assertThatThrownBy(() -> slow.start("en", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already running");
        queued.forEach(Runnable::run);
        assertThat(slow.progress().get("en").state()).isEqualTo(RebuildProgress.State.SWITCHED);
        assertThat(store.resolveAlias(Segments.alias("en"))).hasValue("wavelength_en_mini_v2");
    }

    @Test
    void aRebuildRunningOnOneReplicaIsShownAndRefusedOnAnother() {
        LongStream.rangeClosed(1, 100).forEach(i -> store(document(i, "en")));
        List<Runnable> first = new ArrayList<>();
        IndexRebuild one = replica(first);
        IndexRebuild other = replica(new ArrayList<>());

        one.start("en", null);

        assertThat(other.progress().get("en").state()).isEqualTo(RebuildProgress.State.RUNNING);
        assertThatThrownBy(() -> other.start("en", "wide")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already running");
        first.forEach(Runnable::run);
        RebuildProgress seen = other.progress().get("en");
        assertThat(seen.state()).isEqualTo(RebuildProgress.State.SWITCHED);
        assertThat(seen.done()).isEqualTo(100);
        assertThat(seen.total()).isEqualTo(100);
    }

    @Test
    void aRebuildWhoseProcessStoppedShowsFailedAndMayBeStartedAgain() {
        LongStream.rangeClosed(1, 10).forEach(i -> store(document(i, "en")));
        replica(new ArrayList<>()).start("en", null); // its process dies before running it

        clock.advance(RebuildProgress.SILENCE.plusSeconds(1));

        IndexRebuild other = replica(new ArrayList<>());
        RebuildProgress lost = other.progress().get("en");
        assertThat(lost.state()).isEqualTo(RebuildProgress.State.FAILED);
        assertThat(lost.error()).contains("stopped");
        assertThat(rebuild().start("en", null).state()).isEqualTo(RebuildProgress.State.SWITCHED);
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(10);
    }

    @Test
    void aSegmentWithNothingInItIsRefusedAndLeavesNoCollectionBehind() {
        store(document(1, "en"));
        Database empty = new Database();
        IndexRebuild rebuild = new IndexRebuild(index, empty, List.of(), records, Runnable::run, (t, d) -> { }, Duration.ZERO,
                clock);
        List<String> before = store.collections();

        assertThatThrownBy(() -> rebuild.start("zz", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds nothing");
        assertThat(store.collections()).isEqualTo(before);
    }

    @Test
    void aFailedRebuildDropsItsCollectionAndWritersGoBackToTheServingOne() {
        LongStream.rangeClosed(1, 100).forEach(i -> store(document(i, "en")));
        database.duringCopy = () -> {
            throw new IllegalStateException("the database went away");
        };

        RebuildProgress failed = rebuild().start("en", null);

        assertThat(failed.state()).isEqualTo(RebuildProgress.State.FAILED);
        assertThat(failed.error()).isEqualTo("the database went away");
        assertThat(store.collections()).containsExactly("wavelength_en_mini_v1");
        assertThat(store.resolveAlias(Segments.nextAlias("en"))).hasValue("wavelength_en_mini_v1");
        database.duringCopy = () -> { };
        store(document(500, "en"));
        assertThat(index.count("en", VectorFilter.ALL)).isEqualTo(101);
    }
}

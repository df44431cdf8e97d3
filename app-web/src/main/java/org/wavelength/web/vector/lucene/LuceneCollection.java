package org.wavelength.web.vector.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.wavelength.core.domain.Vectors;

/**
 * One open collection: its index writer, its near-real-time searchers and its commits. The
 * dimension and the {@link TextAnalysis} are recorded in the commit data when it is created.
 *
 * <p><b>Group commit.</b> A write returns once its documents are committed (fsync) and visible to the
 * next read. Concurrent writers share commits: a writer whose documents were added before a commit
 * started does not commit again once that commit completed; only one commit runs at a time. Callers
 * should still batch their points: every commit flushes a segment.
 *
 * <p>Reads and writes share the lifecycle lock; dropping or closing takes it exclusively, so an
 * operation runs wholly before or is told the collection is gone.
 */
final class LuceneCollection implements Closeable {

    final String name;
    final int dimension;
    private final Analyzer analyzer;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** Only one commit at a time; writers that queue here may find their documents committed already. */
    private final ReentrantLock commitLock = new ReentrantLock();
    /** Number of the last commit started (written under {@link #commitLock}). */
    private final AtomicLong commitsStarted = new AtomicLong();
    /** Number of the last commit completed (written under {@link #commitLock}). */
    private volatile long commitsCompleted;
    /** Commits actually run, for tests. */
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean gone;

    private LuceneCollection(String name, Settings settings, Analyzer analyzer, FSDirectory directory,
            IndexWriter writer) throws IOException {
        this.name = name;
        this.dimension = settings.dimension();
        this.analyzer = analyzer;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** A new, empty collection in {@code path}, with the analysis of its name's segment. */
    static LuceneCollection create(String name, Path path, int dimension) throws IOException {
        Files.createDirectories(path);
        return start(name, path, new Settings(dimension, TextAnalysis.forCollection(name)));
    }

    /** The collection in {@code path}, with the settings it was created with. */
    static LuceneCollection open(String name, Path path) throws IOException {
        return start(name, path, null);
    }

    /** Whether {@code path} holds a committed index. */
    static boolean holdsIndex(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(IndexFileNames.SEGMENTS + "_"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens the collection; creates it with {@code created} unless that is null. */
    private static LuceneCollection start(String name, Path path, Settings created) throws IOException {
        FSDirectory directory = FSDirectory.open(path);
        Analyzer analyzer = null;
        IndexWriter writer = null;
        try {
            Settings settings = created != null ? created
                    : Settings.of(SegmentInfos.readLatestCommit(directory).getUserData(), path);
            analyzer = settings.analysis().create();
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64)
                    .setOpenMode(created != null ? OpenMode.CREATE : OpenMode.APPEND));
            if (created != null) {
                writer.setLiveCommitData(created.commitData().entrySet());
                writer.commit();
            }
            return new LuceneCollection(name, settings, analyzer, directory, writer);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, directory, analyzer);
            throw e;
        }
    }

    /** Rejects a vector this collection cannot hold or compare by cosine. */
    void checkVector(float[] vector, String what) {
        if (vector == null || vector.length != dimension) {
            throw new IllegalArgumentException("The " + what + " has " + (vector == null ? "no" : vector.length)
                    + " dimensions; the collection " + name + " holds " + dimension);
        }
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("The " + what + " holds a non-finite value");
            }
        }
        if (Vectors.norm(vector) == 0) {
            throw new IllegalArgumentException("The " + what + " is zero: cosine is undefined");
        }
    }

    /** The terms of a keyword query, analysed as this collection's text was. */
    List<String> keywordTerms(String text) {
        return LuceneSchema.keywordTerms(analyzer, text);
    }

    /** Runs {@code read} on a current searcher; empty when the collection was dropped or closed meanwhile. */
    <T> Optional<T> read(Read<T> read) throws IOException {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (gone) {
                return Optional.empty();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return Optional.of(read.apply(searcher));
            } finally {
                searchers.release(searcher);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Applies {@code write} and returns once it is durable and visible; false when the collection is gone. */
    boolean write(Write write) throws IOException {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (gone) {
                return false;
            }
            write.apply(writer);
            commitCovering();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Commits run so far (fewer than writes when writers share commits). */
    long commits() {
        return commits.get();
    }

    /**
     * Makes the documents this thread has added visible and durable. Any commit started after this
     * point includes them; if one completed while this thread waited for the commit lock, there is
     * nothing left to do. The reader is refreshed before the commit: the refresh flushes the new
     * segment, which the commit then only has to fsync.
     */
    private void commitCovering() throws IOException {
        long needed = commitsStarted.get() + 1;
        commitLock.lock();
        try {
            if (commitsCompleted >= needed) {
                return;
            }
            long number = commitsStarted.incrementAndGet();
            searchers.maybeRefreshBlocking();
            writer.commit();
            commits.incrementAndGet();
            commitsCompleted = number;
        } finally {
            commitLock.unlock();
        }
    }

    /** Closes without committing, for a collection whose files are deleted next. */
    void drop() throws IOException {
        shut(writer::rollback);
    }

    /** Closes; what was acknowledged is committed already. */
    @Override
    public void close() throws IOException {
        shut(writer);
    }

    private void shut(Closeable closingWriter) throws IOException {
        lifecycle.writeLock().lock();
        try {
            gone = true;
            try {
                searchers.close();
            } finally {
                IOUtils.close(closingWriter, directory, analyzer);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** What a collection records in its commit data when it is created. */
    private record Settings(int dimension, TextAnalysis analysis) {

        private static final String DIMENSION = "wavelength.dimension";
        /** Absent in collections created before the analysis was chosen per segment: they are standard. */
        private static final String ANALYSIS = "wavelength.analysis";

        static Settings of(Map<String, String> commitData, Path path) throws IOException {
            String dimension = commitData.get(DIMENSION);
            if (dimension == null) {
                throw new IOException("The collection in " + path + " does not record its dimension");
            }
            return new Settings(Integer.parseInt(dimension),
                    TextAnalysis.valueOf(commitData.getOrDefault(ANALYSIS, TextAnalysis.STANDARD.name())));
        }

        Map<String, String> commitData() {
            return Map.of(DIMENSION, Integer.toString(dimension), ANALYSIS, analysis.name());
        }
    }

    @FunctionalInterface
    interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    interface Write {
        void apply(IndexWriter writer) throws IOException;
    }
}

package org.wavelength.web.vector.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.wavelength.core.port.KeywordHit;
import org.wavelength.core.port.KeywordQuery;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.core.port.VectorStore;

/**
 * The embedded vector store: one Lucene index per collection in {@code folder/<collection>/}
 * ({@link LuceneCollection}), documents as {@link LuceneSchema} lays them out, filters as
 * {@link LuceneFilterMapper} translates them, k-NN and BM25 as {@link LuceneReads} runs them.
 *
 * <p><b>Durability.</b> Every {@link #upsert} and {@link #delete} is committed (fsync) and visible to
 * the next read before it returns; concurrent writers to one collection share commits (group
 * commit, see {@link LuceneCollection}).
 *
 * <p><b>Aliases</b> are switched atomically in a file ({@link LuceneAliases}). A read resolves its name
 * once, so it runs wholly on the old collection or wholly on the new one. Collection and alias names
 * share one namespace. Writes take a collection name, never an alias. A collection an alias points
 * at cannot be dropped.
 *
 * <p><b>Recommend</b> ranks by cosine to {@link RecommendQuery#target} of the examples (ids resolve to
 * their stored vectors; unknown ids are ignored, and without a positive example left the result is
 * empty) and excludes the example ids.
 *
 * <p><b>Keyword search</b> is BM25 over the points' text, split by the {@link TextAnalysis} of the
 * collection: CJK bigrams for the zh, ja and ko segments, the standard analyzer for the others; each
 * hit says which of the query's terms it holds ({@link LuceneKeyword}).
 *
 * <p>Thread-safe. Collections are opened on first use and stay open until {@link #close}.
 */
public class LuceneVectorStore implements VectorStore, Closeable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}");

    private final Path folder;
    private final LuceneAliases aliases;
    private final Map<String, LuceneCollection> open = new ConcurrentHashMap<>();
    /** Guards opening, creating and dropping collections and switching aliases. */
    private final Object admin = new Object();
    private volatile boolean closed;

    public LuceneVectorStore(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            aliases = new LuceneAliases(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the vector store in " + folder.toAbsolutePath(), e);
        }
    }

    // ---------------------------------------------------------------- collections and aliases

    @Override
    public void createCollection(String collection, int dimension) {
        checkName(collection, "collection");
        if (dimension <= 0) {
            throw new IllegalArgumentException("A collection needs a positive dimension, not " + dimension);
        }
        synchronized (admin) {
            checkOpen();
            if (aliases.isAlias(collection)) {
                throw new IllegalArgumentException(collection + " is an alias; it cannot also name a collection");
            }
            LuceneCollection existing = existing(collection);
            if (existing != null) {
                if (existing.dimension != dimension) {
                    throw new IllegalArgumentException("Collection " + collection + " exists with dimension "
                            + existing.dimension + ", not " + dimension);
                }
                return;
            }
            try {
                open.put(collection, LuceneCollection.create(collection, folder.resolve(collection), dimension));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the collection " + collection, e);
            }
        }
    }

    @Override
    public void dropCollection(String collection) {
        checkName(collection, "collection");
        synchronized (admin) {
            checkOpen();
            List<String> pointing = aliases.pointingAt(collection);
            if (!pointing.isEmpty()) {
                throw new IllegalStateException("Cannot drop the collection " + collection + ": the alias "
                        + String.join(", ", pointing) + " points at it");
            }
            LuceneCollection dropped = open.remove(collection);
            try {
                if (dropped != null) {
                    dropped.drop();
                }
                deleteRecursively(folder.resolve(collection));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot drop the collection " + collection, e);
            }
        }
    }

    @Override
    public List<String> collections() {
        checkOpen();
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(LuceneCollection::holdsIndex).map(p -> p.getFileName().toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the collections in " + folder.toAbsolutePath(), e);
        }
    }

    @Override
    public void setAlias(String alias, String collection) {
        checkName(alias, "alias");
        synchronized (admin) {
            checkOpen();
            if (LuceneCollection.holdsIndex(folder.resolve(alias))) {
                throw new IllegalArgumentException(alias + " is a collection; it cannot also name an alias");
            }
            if (existing(collection) == null) {
                throw new IllegalArgumentException("Cannot point the alias " + alias + " at " + collection
                        + ": no such collection");
            }
            try {
                aliases.set(alias, collection);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the aliases", e);
            }
        }
    }

    @Override
    public Optional<String> resolveAlias(String alias) {
        return alias == null ? Optional.empty() : aliases.target(alias);
    }

    // ---------------------------------------------------------------- writes

    /** Every point is checked before the first is written: a bad point fails the call with nothing written. */
    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        LuceneCollection target = writable(collection);
        List<Document> documents = new ArrayList<>(points.size());
        for (VectorPoint point : points) {
            target.checkVector(point.vector(), "vector of point " + point.id());
            documents.add(LuceneSchema.document(point));
        }
        write(target, writer -> {
            for (int i = 0; i < documents.size(); i++) {
                writer.updateDocument(new Term(LuceneSchema.ID, points.get(i).id()), documents.get(i));
            }
        });
    }

    @Override
    public void delete(String collection, Collection<String> pointIds) {
        if (pointIds.isEmpty()) {
            return;
        }
        write(writable(collection), writer -> writer.deleteDocuments(LuceneFilterMapper.ids(pointIds)));
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<VectorHit> search(String collectionOrAlias, VectorQuery query) {
        return read(collectionOrAlias, (collection, searcher) -> {
            collection.checkVector(query.vector(), "query vector");
            return LuceneReads.nearest(searcher, query.vector(), LuceneFilterMapper.query(query.filter()),
                    query.limit(), query.maxPerPodcast());
        });
    }

    @Override
    public List<VectorHit> recommend(String collectionOrAlias, RecommendQuery query) {
        return read(collectionOrAlias, (collection, searcher) -> {
            List<float[]> positives = new ArrayList<>();
            List<float[]> negatives = new ArrayList<>();
            for (String id : query.positiveIds()) {
                LuceneReads.vectorOf(searcher, id).ifPresent(positives::add);
            }
            for (String id : query.negativeIds()) {
                LuceneReads.vectorOf(searcher, id).ifPresent(negatives::add);
            }
            for (float[] vector : query.positiveVectors()) {
                collection.checkVector(vector, "positive example");
                positives.add(vector);
            }
            for (float[] vector : query.negativeVectors()) {
                collection.checkVector(vector, "negative example");
                negatives.add(vector);
            }
            Optional<float[]> target = RecommendQuery.target(positives, negatives);
            if (target.isEmpty()) {
                return List.<VectorHit>of();
            }
            BooleanQuery.Builder filter = new BooleanQuery.Builder()
                    .add(LuceneFilterMapper.query(query.filter()), Occur.FILTER);
            Set<String> examples = new LinkedHashSet<>(query.positiveIds());
            examples.addAll(query.negativeIds());
            if (!examples.isEmpty()) {
                filter.add(LuceneFilterMapper.ids(examples), Occur.MUST_NOT);
            }
            return LuceneReads.nearest(searcher, target.get(), filter.build(), query.limit(), query.maxPerPodcast());
        });
    }

    @Override
    public List<KeywordHit> keyword(String collectionOrAlias, KeywordQuery query) {
        return read(collectionOrAlias, (collection, searcher) -> LuceneKeyword.search(searcher,
                collection.keywordTerms(query.text()), query.typos(), LuceneFilterMapper.query(query.filter()),
                query.limit()));
    }

    @Override
    public Optional<float[]> vectorOf(String collectionOrAlias, String pointId) {
        return read(collectionOrAlias, (collection, searcher) -> LuceneReads.vectorOf(searcher, pointId));
    }

    @Override
    public Map<String, float[]> vectors(String collectionOrAlias, VectorFilter filter, int limit) {
        return read(collectionOrAlias,
                (collection, searcher) -> LuceneReads.vectors(searcher, LuceneFilterMapper.query(filter), limit));
    }

    @Override
    public long count(String collectionOrAlias, VectorFilter filter) {
        return read(collectionOrAlias,
                (collection, searcher) -> (long) searcher.count(LuceneFilterMapper.query(filter)));
    }

    /** Commits run so far on a collection opened by this store (fewer than writes when writers share commits). */
    long commitCount(String collection) {
        LuceneCollection opened = open.get(collection);
        return opened == null ? 0 : opened.commits();
    }

    /** Closes every collection; what was acknowledged is already committed. */
    @Override
    public void close() throws IOException {
        synchronized (admin) {
            if (closed) {
                return;
            }
            closed = true;
            IOException failure = null;
            for (LuceneCollection collection : open.values()) {
                try {
                    collection.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            open.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }

    // ---------------------------------------------------------------- finding collections

    private <T> T read(String collectionOrAlias, Read<T> function) {
        if (collectionOrAlias == null) {
            throw new IllegalArgumentException("A read needs a collection or alias name");
        }
        for (int attempt = 0; ; attempt++) {
            String target = aliases.resolve(collectionOrAlias); // once per attempt
            LuceneCollection collection = collection(target, collectionOrAlias);
            Optional<T> result;
            try {
                result = collection.read(searcher -> function.apply(collection, searcher));
            } catch (IOException e) {
                throw new UncheckedIOException("Reading the collection " + target + " failed", e);
            }
            if (result.isPresent()) {
                return result.get();
            }
            // Gone: the alias moved on and its old collection was dropped between resolution and use.
            if (target.equals(collectionOrAlias) || attempt >= 3) {
                throw unknown(collectionOrAlias);
            }
        }
    }

    private LuceneCollection writable(String collection) {
        if (collection == null) {
            throw new IllegalArgumentException("A write needs a collection name");
        }
        if (aliases.isAlias(collection)) {
            throw new IllegalArgumentException(collection + " is an alias; writes take a collection name");
        }
        return collection(collection, collection);
    }

    private void write(LuceneCollection collection, LuceneCollection.Write write) {
        try {
            if (!collection.write(write)) {
                throw unknown(collection.name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to the collection " + collection.name + " failed", e);
        }
    }

    /** The collection, opened if needed; fails naming {@code requested} (the name the caller gave) if there is none. */
    private LuceneCollection collection(String collection, String requested) {
        checkOpen();
        LuceneCollection opened = open.get(collection);
        if (opened != null) {
            return opened;
        }
        synchronized (admin) {
            checkOpen();
            opened = existing(collection);
            if (opened == null) {
                throw unknown(requested);
            }
            return opened;
        }
    }

    /** The open collection, opening it from disk if needed; null when there is none. Under {@link #admin}. */
    private LuceneCollection existing(String collection) {
        LuceneCollection opened = open.get(collection);
        if (opened != null) {
            return opened;
        }
        Path path = folder.resolve(collection);
        if (!NAME.matcher(collection).matches() || !LuceneCollection.holdsIndex(path)) {
            return null;
        }
        try {
            opened = LuceneCollection.open(collection, path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the collection " + collection, e);
        }
        open.put(collection, opened);
        return opened;
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("Unknown vector collection or alias: " + name);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The vector store in " + folder + " is closed");
        }
    }

    private static void checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(LuceneAliases.FILE)) {
            throw new IllegalArgumentException("Invalid " + what + " name: " + name
                    + " (letters, digits, '_', '-' and '.'; not starting with '.')");
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(LuceneCollection collection, IndexSearcher searcher) throws IOException;
    }
}

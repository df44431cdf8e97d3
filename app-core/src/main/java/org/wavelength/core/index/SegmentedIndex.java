package org.wavelength.core.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.Embedders;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.KeywordHit;
import org.wavelength.core.port.KeywordQuery;
import org.wavelength.core.port.RecommendQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorPoint;
import org.wavelength.core.port.VectorQuery;
import org.wavelength.core.port.VectorStore;

/**
 * The vector index as the rest of the core sees it: one segment per language, each served by the
 * collection its alias points at. Writes go to the serving collection and, while a rebuild runs, to
 * the collection being built too, each embedded with that collection's own model. Reads and query
 * embeddings use the serving collection and its model.
 */
public class SegmentedIndex {

    private final VectorStore store;
    private final Embedders embedders;

    public SegmentedIndex(VectorStore store, Embedders embedders) {
        this.store = store;
        this.embedders = embedders;
    }

    /** Embeds and writes documents, each into its language's segment. */
    public void write(List<IndexDocument> documents) {
        Map<String, List<IndexDocument>> bySegment = new LinkedHashMap<>();
        documents.forEach(d -> bySegment.computeIfAbsent(Segments.of(d.payload().language()), s -> new ArrayList<>()).add(d));
        bySegment.forEach((segment, batch) -> {
            Map<String, List<float[]>> vectorsByModel = new HashMap<>();
            for (String collection : writeTargets(segment)) {
                String model = modelOf(collection);
                List<float[]> vectors = vectorsByModel.computeIfAbsent(model,
                        m -> embedders.forModel(m).embedAll(batch.stream().map(IndexDocument::text).toList()));
                store.upsert(collection, points(batch, vectors));
            }
        });
    }

    public void delete(String segment, Collection<String> pointIds) {
        if (!pointIds.isEmpty() && store.resolveAlias(Segments.alias(segment)).isPresent()) {
            writeTargets(segment).forEach(collection -> store.delete(collection, pointIds));
        }
    }

    public List<VectorHit> search(String segment, VectorQuery query) {
        return serving(segment).map(c -> store.search(c, query)).orElse(List.of());
    }

    public List<VectorHit> recommend(String segment, RecommendQuery query) {
        return serving(segment).map(c -> store.recommend(c, query)).orElse(List.of());
    }

    public boolean searchesKeywords() {
        return store.searchesKeywords();
    }

    public List<VectorHit> keyword(String segment, String text, VectorFilter filter, int limit) {
        return serving(segment).map(c -> store.keyword(c, text, filter, limit)).orElse(List.of());
    }

    /** Keyword search with what each hit matched of the query. */
    public List<KeywordHit> keyword(String segment, KeywordQuery query) {
        return serving(segment).map(c -> store.keyword(c, query)).orElse(List.of());
    }

    public Optional<float[]> vectorOf(String segment, String pointId) {
        return serving(segment).flatMap(c -> store.vectorOf(c, pointId));
    }

    /** Stored vectors of up to {@code limit} points of the segment that pass {@code filter}, by point id. */
    public Map<String, float[]> vectors(String segment, VectorFilter filter, int limit) {
        return serving(segment).map(c -> store.vectors(c, filter, limit)).orElse(Map.of());
    }

    public long count(String segment, VectorFilter filter) {
        return serving(segment).map(c -> store.count(c, filter)).orElse(0L);
    }

    /** A query's vector, from the model of the collection that serves the segment. */
    public Optional<float[]> embedQuery(String segment, String text) {
        return serving(segment).map(c -> embedders.forModel(modelOf(c)).embed(text));
    }

    /** Vectors of several query texts at once, from the serving collection's model; empty without one. */
    public List<float[]> embedQueries(String segment, List<String> texts) {
        return serving(segment).map(c -> embedders.forModel(modelOf(c)).embedAll(texts)).orElse(List.of());
    }

    /** Segments that have a serving collection. */
    public Set<String> segments() {
        Set<String> segments = new TreeSet<>();
        for (String collection : store.collections()) {
            Segments.Collection parsed = Segments.parse(collection);
            if (parsed != null && store.resolveAlias(Segments.alias(parsed.segment())).isPresent()) {
                segments.add(parsed.segment());
            }
        }
        return segments;
    }

    /** The catalogue's languages: the segments with content, but for the undetermined one. */
    public List<String> languages() {
        return segments().stream().filter(s -> !s.equals(Segments.UNDETERMINED)).toList();
    }

    /** The serving collection of a segment and its model, for reads of derived vectors. */
    public Optional<VectorSpace> servingSpace(String segment) {
        return serving(segment).map(this::space);
    }

    /**
     * Where a vector derived from others must be written: the serving collection and, during a
     * rebuild, the one being built, each to be computed in its own space. Empty while the segment has
     * no content (nothing to derive from).
     */
    public List<VectorSpace> writeSpaces(String segment) {
        if (serving(segment).isEmpty()) {
            return List.of();
        }
        return writeTargets(segment).stream().map(this::space).toList();
    }

    /** A collection and its model, e.g. the one a rebuild is filling. */
    public VectorSpace space(String collection) {
        return new VectorSpace(store, collection, embedders.forModel(modelOf(collection)));
    }

    /** The collection serving a segment, if the segment has any content yet. */
    public Optional<String> serving(String segment) {
        return store.resolveAlias(Segments.alias(segment));
    }

    /** The serving collection and, during a rebuild, the one being built; a segment's first write creates it. */
    List<String> writeTargets(String segment) {
        Set<String> targets = new LinkedHashSet<>();
        targets.add(serving(segment).orElseGet(() -> createFirst(segment)));
        store.resolveAlias(Segments.nextAlias(segment)).ifPresent(targets::add);
        return List.copyOf(targets);
    }

    private String createFirst(String segment) {
        Embedder embedder = embedders.forSegment(segment);
        String collection = Segments.collection(segment, embedder.modelName(), 1);
        store.createCollection(collection, embedder.dimension());
        store.setAlias(Segments.alias(segment), collection);
        return collection;
    }

    /** Documents with their vectors, in the same order. */
    static List<VectorPoint> points(List<IndexDocument> documents, List<float[]> vectors) {
        List<VectorPoint> points = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            points.add(documents.get(i).withVector(vectors.get(i)));
        }
        return points;
    }

    static String modelOf(String collection) {
        Segments.Collection parsed = Segments.parse(collection);
        if (parsed == null) {
            throw new IllegalStateException("Not a Wavelength collection name: " + collection);
        }
        return parsed.modelId();
    }

    VectorStore store() {
        return store;
    }

    Embedders embedders() {
        return embedders;
    }
}

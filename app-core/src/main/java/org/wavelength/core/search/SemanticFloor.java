package org.wavelength.core.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.index.SegmentMeasures;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.VectorFilter;

/**
 * How close to a query an item must be, by cosine, to count as a match on meaning, in one language
 * segment and for one kind of item. Cosines of a small sentence-embedding model are not comparable
 * across models, kinds and catalogues (a short query scores lower against a long passage than
 * against a podcast's description; every text shares a common direction), so no constant can say it.
 * The floor is measured instead: the <b>background</b> is the cosines between query-like texts on
 * subjects of every kind ({@code probes-en.txt}, and {@code probes-<segment>.txt} for a segment that has
 * its own) and a sample of the items of that kind in the collection serving the segment; an item
 * is a match on meaning when its cosine to the query is above the {@code percentile} of that
 * background, that is when it is closer to the query than all but a few of these pairs of a request
 * and an item that, for the most part, have nothing to do with each other.
 *
 * <p>The probes are embedded once per model; the background is sampled from up to
 * {@value #ITEM_SAMPLE} items of the kind and kept per collection and kind for
 * {@value #TTL_MINUTES} minutes (new items move it slowly). Cost of a refresh: one read of the
 * sample's vectors and probes x items dot products (about 100,000 for 1,000 items).
 */
public final class SemanticFloor {

    /** Items of a kind the background is sampled from. */
    static final int ITEM_SAMPLE = 1000;
    static final long TTL_MINUTES = 10;

    private final SegmentedIndex index;
    private final double percentile;
    private final Map<String, List<float[]>> probesByModel = new ConcurrentHashMap<>();
    private final SegmentMeasures floors;

    /** {@code percentile} in (0, 1): the share of the background an item must be closer than. */
    public SemanticFloor(SegmentedIndex index, double percentile) {
        this(index, percentile, System::nanoTime);
    }

    SemanticFloor(SegmentedIndex index, double percentile, LongSupplier nanoTime) {
        if (!(percentile > 0 && percentile < 1)) {
            throw new IllegalArgumentException("The floor's percentile is in (0, 1), not " + percentile);
        }
        this.index = index;
        this.percentile = percentile;
        this.floors = new SegmentMeasures(index, TTL_MINUTES, nanoTime, this::measure);
    }

    /** The floor of a segment's items of a kind; empty when the segment has none of that kind (nothing to measure). */
    public OptionalDouble of(String segment, ItemKind kind) {
        return floors.of(segment, kind);
    }

    private OptionalDouble measure(String segment, ItemKind kind) {
        Collection<float[]> items = index.vectors(segment, VectorFilter.kind(kind), ITEM_SAMPLE).values();
        String model = index.servingSpace(segment).orElseThrow().model();
        List<float[]> probes = probesByModel.computeIfAbsent(model, m -> index.embedQueries(segment, probeTexts(segment))
                .stream().map(Vectors::normalized).toList());
        return items.isEmpty() || probes.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(SegmentMeasures.percentile(background(probes, items), percentile));
    }

    /** Every probe's cosine to every item, sorted; the probes are unit vectors. */
    static double[] background(List<float[]> probes, Collection<float[]> items) {
        double[] cosines = new double[probes.size() * items.size()];
        int i = 0;
        for (float[] item : items) {
            float[] unit = Vectors.normalized(item);
            for (float[] probe : probes) {
                cosines[i++] = Vectors.dot(probe, unit);
            }
        }
        Arrays.sort(cosines);
        return cosines;
    }

    /** The English probes, and the segment's own when there are some. */
    static List<String> probeTexts(String segment) {
        List<String> texts = new ArrayList<>(read("probes-en.txt"));
        if (!segment.equals("en")) {
            texts.addAll(read("probes-" + segment + ".txt"));
        }
        return texts;
    }

    private static List<String> read(String resource) {
        try (InputStream in = SemanticFloor.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the probes " + resource, e);
        }
    }

}

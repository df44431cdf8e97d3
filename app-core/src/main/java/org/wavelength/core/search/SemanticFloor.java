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
import java.util.Optional;
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
 * <p>The floor moves up for a request that is close to <b>most</b> items. Some are: "a daily
 * briefing" has a median cosine of 0.21 to the episodes of the fifteen real feeds, against 0.07 for
 * the median probe, and is above the plain floor (0.27) for more than a tenth of them (generic talk
 * episodes: "Agendaless", "Busy Day"), where a probe is for 2.5 %: its words are those of the common
 * direction (a show, a day, news), not of a subject. Its floor is the plain one plus how much its
 * median cosine to the sample exceeds the probes' median of theirs, so that it must stand out from
 * the items as far as a probe must. A request below the probes' median keeps the plain floor; so does
 * every request when the kind has fewer than {@value #MIN_ITEMS_FOR_TYPICAL} items, and a text longer
 * than the longest probe ({@value #LONGEST_PROBE_WORDS} words): the probes say what a typed request is
 * like, and a whole description searched for its like is close to every description by its length.
 *
 * <p>The probes are embedded once per model; the background is sampled from up to
 * {@value #ITEM_SAMPLE} items of the kind and kept per collection and kind for
 * {@value #TTL_MINUTES} minutes (new items move it slowly). Cost of a refresh: one read of the
 * sample's vectors and probes x items dot products (about 100,000 for 1,000 items); of a query, one
 * dot product per item of the sample.
 */
public final class SemanticFloor {

    /** Items of a kind the background is sampled from. */
    static final int ITEM_SAMPLE = 1000;
    /**
     * Below this many items, a request's median cosine is that of a few items (the seventh podcast of thirteen) and
     * says nothing typical of it: "new music from independent artists" is at 0.13 to the median podcast of the real
     * feeds, which would lift the floor above the one music show there.
     */
    static final int MIN_ITEMS_FOR_TYPICAL = 100;
    /** The words of the longest English probe: what a typed request is like (a whole description searched is not). */
    static final int LONGEST_PROBE_WORDS = 7;
    static final long TTL_MINUTES = 10;

    private final SegmentedIndex index;
    private final double percentile;
    private final Map<String, List<float[]>> probesByModel = new ConcurrentHashMap<>();
    private final SegmentMeasures<Background> backgrounds;

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
        this.backgrounds = new SegmentMeasures<>(index, TTL_MINUTES, nanoTime, this::measure);
    }

    /** The floor of a segment's items of a kind; empty when the segment has none of that kind (nothing to measure). */
    public OptionalDouble of(String segment, ItemKind kind) {
        return backgrounds.of(segment, kind).map(b -> OptionalDouble.of(b.floor())).orElse(OptionalDouble.empty());
    }

    /**
     * The floor of a segment's items of a kind for one request, {@code text} embedded as {@code query} (see the
     * class comment): the plain floor, or higher for a request as short as a probe and close to most items.
     * Empty as {@link #of(String, ItemKind)}.
     */
    public OptionalDouble of(String segment, ItemKind kind, String text, float[] query) {
        boolean requestLike = words(text) <= LONGEST_PROBE_WORDS;
        return backgrounds.of(segment, kind)
                .map(b -> OptionalDouble.of(requestLike ? b.floorFor(Vectors.normalized(query)) : b.floor()))
                .orElse(OptionalDouble.empty());
    }

    private Optional<Background> measure(String segment, ItemKind kind) {
        List<float[]> items = index.vectors(segment, VectorFilter.kind(kind), ITEM_SAMPLE).values().stream()
                .map(Vectors::normalized).toList();
        String model = index.servingSpace(segment).orElseThrow().model();
        List<float[]> probes = probesByModel.computeIfAbsent(model, m -> index.embedQueries(segment, probeTexts(segment))
                .stream().map(Vectors::normalized).toList());
        if (items.isEmpty() || probes.isEmpty()) {
            return Optional.empty();
        }
        double[] medians = probes.stream().mapToDouble(probe -> median(cosines(probe, items))).toArray();
        double floor = SegmentMeasures.percentile(background(probes, items), percentile);
        return Optional.of(new Background(items.size() >= MIN_ITEMS_FOR_TYPICAL ? items : List.of(), floor,
                median(medians)));
    }

    /**
     * A kind's background in one segment: the plain floor; the sample of its items (unit vectors), empty when
     * too small to say what is typical of a request; and the median of the probes' median cosines to them.
     */
    record Background(List<float[]> items, double floor, double typical) {

        double floorFor(float[] unitQuery) {
            if (items.isEmpty()) {
                return floor;
            }
            return floor + Math.max(0, median(cosines(unitQuery, items)) - typical);
        }
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

    /** A unit vector's cosine to each of the unit vectors given. */
    private static double[] cosines(float[] unit, List<float[]> units) {
        double[] cosines = new double[units.size()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = Vectors.dot(unit, units.get(i));
        }
        return cosines;
    }

    /** The median (nearest rank) of values, which it sorts. */
    static double median(double[] values) {
        Arrays.sort(values);
        return SegmentMeasures.percentile(values, 0.5);
    }

    /** Words as search splits them (a run of Chinese characters is one). */
    static int words(String text) {
        String words = CatalogueSearch.words(text);
        return words.isEmpty() ? 0 : words.split(" ").length;
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

package org.wavelength.core.recommend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Reason;
import org.wavelength.core.domain.Recommendation;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.domain.Vectors;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.recommend.PodcastNeighbourhoods.Ranking;
import org.wavelength.core.recommend.PodcastNeighbourhoods.Scored;

/**
 * Podcasts close to a given one. Every step below is measured by {@code SimilarPodcastQualityBenchmark}
 * (app-web) on the 4,560 Apple shows: genre precision@10, the genre never shown to the system
 * (standard error 0.008 on each half). The parameters were chosen on the even-numbered shows and
 * the figures are those of the odd-numbered ones: plain cosine k-NN of the podcast's vector 0.453,
 * the previous version of this class 0.513, this one 0.548 (train 0.557). Without each step in turn:
 * centring 0.530, BM25 fusion 0.520, smoothing 0.510; without expansion 0.544. The parameters sit on
 * a plateau: a few round values either side move the train figure by less than 0.005.
 *
 * <ol>
 * <li><b>Query: the podcast and its episodes.</b> The podcast's own vector is combined with the mean
 * of up to {@link Tuning#episodes} of its episodes' vectors: {@code (1 - w) p + w e} on unit vectors,
 * {@code w = }{@link Tuning#episodeWeight}. A feed's description is written once and may be vague or
 * promotional; its episodes say what the show actually talks about. A podcast without indexed episodes
 * is its own vector. (The Apple data has no episodes: {@code w} is a judgement, not a measurement; it
 * keeps the podcast's own text the larger part.)
 * <li><b>Centring.</b> Sentence-embedding vectors share a large common direction (anisotropy), so
 * raw cosine favours "generic" podcasts close to everything. The query is taken relative to the mean
 * podcast vector of the segment ({@code q - mean}; candidates keep their stored vectors), which
 * ranks candidates by how much they share of what sets this podcast apart. The mean is estimated from
 * up to {@value #MEAN_SAMPLE} podcast vectors, cached per serving collection for
 * {@value #MEAN_TTL_MINUTES} minutes, and not used below {@value #MIN_PODCASTS_TO_CENTRE} podcasts
 * (a mean of a handful is mostly those podcasts).
 * <li><b>Candidates</b>: the {@link Tuning#candidates} nearest podcasts to the centred query, and as
 * many by BM25 keyword search with the podcast's own indexed text ({@link ItemTexts}).
 * <li><b>Keyword fusion.</b> A candidate's first score is its cosine to the centred query plus
 * {@link Tuning#keywordWeight} times its BM25 score divided by the podcast's own BM25 score (the best
 * possible match of that text, so the keyword part is in [0, 1] whatever the query's length). Proper
 * names, places, sports and jargon that the small model blurs are exactly what BM25 matches. Stores
 * without keyword search (Qdrant here) return nothing for it and this step falls away.
 * <li><b>Neighbourhood smoothing</b> (database-side augmentation). Every podcast, the query and each
 * candidate, is represented by its own vector moved towards its {@link Tuning#neighbours} best
 * candidates by steps 2 to 4: {@code unit(a v + sum of w_r v_r)}, {@code w_r} falling with the rank
 * as {@code 1 / log2(r + 2)} ({@link PodcastNeighbourhoods#smoothed}). One description is a noisy
 * sample of its subject; the podcasts around it are a steadier one, and two podcasts compare by their
 * neighbourhoods as much as by their own texts (neighbour-of-neighbour evidence). This is the largest
 * step. A candidate's smoothed vector needs its own neighbourhood, three index calls; they are kept
 * per segment ({@link SmoothedVectors}: {@value #SMOOTHED_CAPACITY} podcasts, {@value
 * #SMOOTHED_TTL_MINUTES} minutes), so that the calls are paid once per podcast, not per request.
 * <li><b>Query expansion</b> (pseudo relevance feedback). The candidates are scored by their smoothed
 * vector's cosine to the centred smoothed query plus {@link Tuning#rescoreKeywordWeight} times the
 * keyword score; the {@link Tuning#expansion} best are added to the query ({@code q + sum of their
 * smoothed vectors}) and every candidate is scored again. The best few almost always share the
 * podcast's subject; candidates close to the group rise, outliers close to the podcast alone sink.
 * <li><b>The floor</b> ({@link #asServed}): what ranked is kept only when its own vector is closer to
 * the podcast's than the segment's {@link NeighbourFloor}, so that a small catalogue does not answer
 * "like a video-game show" with a music show because something is always nearest. One index call.
 * </ol>
 *
 * <p>Cost of a request: a catalogue read, the podcast's vector, its episodes' vectors, a k-NN search,
 * a keyword search and one read of the candidates' vectors (six index calls), and a catalogue read of
 * the results; then, for each of the (up to twice {@link Tuning#candidates}) candidates whose smoothed
 * vector is not kept yet, a k-NN search, a keyword search and a read of the vectors not read yet by
 * this request, with one catalogue read of their texts. A warm cache costs the six calls; a cold one
 * up to about 600 (the benchmark prints both times). The mean costs one more index call per
 * collection every {@value #MEAN_TTL_MINUTES} minutes.
 */
public class SimilarPodcasts {

    /** Podcast vectors the segment mean is estimated from. */
    static final int MEAN_SAMPLE = 2000;
    /** Below this many podcasts in a segment its vectors are not centred. */
    static final int MIN_PODCASTS_TO_CENTRE = 50;
    static final long MEAN_TTL_MINUTES = 10;
    /** Smoothed vectors kept per segment (384 floats each: 1.5 kB; 30 MB in all). */
    static final int SMOOTHED_CAPACITY = 20_000;
    static final long SMOOTHED_TTL_MINUTES = 60;

    /**
     * The knobs of {@link SimilarPodcasts}; {@link #DEFAULT} is the product's. Zero switches a step
     * off: {@link #PLAIN} is the cosine k-NN of the podcast's own vector.
     *
     * @param episodeWeight        share of the episodes' mean vector in the query, in [0, 1]
     * @param episodes             at most this many episode vectors are averaged
     * @param centre               whether the query is taken relative to the segment's mean podcast vector
     * @param candidates           podcasts fetched by each of k-NN and keyword search (at least the limit)
     * @param keywordWeight        weight of the normalised BM25 score beside the cosine in the first ranking
     *                             (the one neighbourhoods are taken from)
     * @param neighbours           best candidates a podcast's smoothed vector is moved towards
     * @param ownShare             weight of the podcast's own vector in its smoothed vector (the neighbours' sum to 1)
     * @param rescoreKeywordWeight weight of the normalised BM25 score beside the smoothed cosine
     * @param expansion            best candidates added to the query before scoring again
     */
    public record Tuning(double episodeWeight, int episodes, boolean centre, int candidates, double keywordWeight,
            int neighbours, double ownShare, double rescoreKeywordWeight, int expansion) {

        public static final Tuning DEFAULT = new Tuning(0.4, 50, true, 100, 1.0, 30, 0.25, 0.5, 5);
        public static final Tuning PLAIN = new Tuning(0, 0, false, 0, 0, 0, 0, 0, 0);

        public Tuning {
            if (episodeWeight < 0 || episodeWeight > 1 || episodes < 0 || candidates < 0 || keywordWeight < 0
                    || neighbours < 0 || ownShare < 0 || rescoreKeywordWeight < 0 || expansion < 0) {
                throw new IllegalArgumentException("Invalid tuning: " + episodeWeight + ", " + episodes + ", "
                        + candidates + ", " + keywordWeight + ", " + neighbours + ", " + ownShare + ", "
                        + rescoreKeywordWeight + ", " + expansion);
            }
        }

        public Tuning withCentre(boolean value) {
            return new Tuning(episodeWeight, episodes, value, candidates, keywordWeight, neighbours, ownShare,
                    rescoreKeywordWeight, expansion);
        }

        public Tuning withCandidates(int value) {
            return new Tuning(episodeWeight, episodes, centre, value, keywordWeight, neighbours, ownShare,
                    rescoreKeywordWeight, expansion);
        }

        /** The keyword weights of the first ranking and of the final scoring. */
        public Tuning withKeywordWeights(double first, double rescore) {
            return new Tuning(episodeWeight, episodes, centre, candidates, first, neighbours, ownShare, rescore,
                    expansion);
        }

        public Tuning withoutKeywords() {
            return withKeywordWeights(0, 0);
        }

        public Tuning withNeighbours(int value) {
            return new Tuning(episodeWeight, episodes, centre, candidates, keywordWeight, value, ownShare,
                    rescoreKeywordWeight, expansion);
        }

        public Tuning withExpansion(int value) {
            return new Tuning(episodeWeight, episodes, centre, candidates, keywordWeight, neighbours, ownShare,
                    rescoreKeywordWeight, value);
        }

        public Tuning withEpisodeWeight(double value) {
            return new Tuning(value, episodes, centre, candidates, keywordWeight, neighbours, ownShare,
                    rescoreKeywordWeight, expansion);
        }

        boolean rescores() {
            return neighbours > 0 || expansion > 0 || rescoreKeywordWeight != keywordWeight;
        }
    }

    private final CatalogueStore catalogue;
    private final SegmentedIndex index;
    private final Tuning tuning;
    private final NeighbourFloor floor;
    private final Map<String, Mean> means = new ConcurrentHashMap<>();
    private final Map<String, SmoothedVectors> smoothed = new ConcurrentHashMap<>();

    public SimilarPodcasts(CatalogueStore catalogue, SegmentedIndex index) {
        this(catalogue, index, Tuning.DEFAULT);
    }

    /** As the product serves them: the default tuning, and only podcasts above the {@link NeighbourFloor}. */
    public static SimilarPodcasts asServed(CatalogueStore catalogue, SegmentedIndex index) {
        return new SimilarPodcasts(catalogue, index, Tuning.DEFAULT, NeighbourFloor.DEFAULT_PERCENTILE);
    }

    /** Every candidate kept, however far: the ranking alone, as its tests and the benchmark's ablation see it. */
    public SimilarPodcasts(CatalogueStore catalogue, SegmentedIndex index, Tuning tuning) {
        this(catalogue, index, tuning, 0);
    }

    /**
     * {@code floorPercentile}: see {@link NeighbourFloor} ({@link NeighbourFloor#DEFAULT_PERCENTILE} is the
     * product's); zero keeps every candidate.
     */
    public SimilarPodcasts(CatalogueStore catalogue, SegmentedIndex index, Tuning tuning, double floorPercentile) {
        this.catalogue = catalogue;
        this.index = index;
        this.tuning = tuning;
        this.floor = new NeighbourFloor(index, floorPercentile);
    }

    /**
     * Up to {@code limit} podcasts: those its makers recommend first ({@link MakersPicks}), then the
     * most similar. Empty while the podcast has no vector yet (it is being ingested).
     */
    public List<Recommendation<Podcast>> similarTo(long podcastId, int limit) {
        Podcast podcast = catalogue.podcast(podcastId).orElseThrow(() -> new UnknownItemException("podcast", podcastId));
        String pointId = PointIds.of(ItemKind.PODCAST, podcastId);
        String segment = Segments.of(podcast.language());
        Optional<float[]> own = index.vectorOf(segment, pointId);
        Optional<String> collection = index.serving(segment);
        if (own.isEmpty() || collection.isEmpty() || limit <= 0) {
            return List.of();
        }
        float[] query = withEpisodes(segment, podcastId, Vectors.normalized(own.get()));
        float[] mean = tuning.centre() ? mean(segment, collection.get()) : null;
        int pool = Math.max(tuning.candidates(), limit);

        PodcastNeighbourhoods neighbourhoods = new PodcastNeighbourhoods(index, segment, mean, tuning);
        Ranking ranking = neighbourhoods.rank(podcastId, query, ItemTexts.of(podcast), pool);
        List<Scored> ranked = tuning.rescores()
                ? rescore(neighbourhoods, segment, collection.get(), mean, query, ranking)
                : ranking.ranked();
        ranked = aboveFloor(segment, Vectors.normalized(own.get()), ranked);
        return MakersPicks.first(catalogue, podcast, recommendations(podcast, ranked.subList(0, Math.min(limit, ranked.size()))),
                limit);
    }

    /**
     * The candidates whose own vector is closer to the podcast's than the segment's {@link NeighbourFloor}:
     * however they ranked, a podcast no closer than most pairs of podcasts is not similar. One index call.
     */
    private List<Scored> aboveFloor(String segment, float[] own, List<Scored> ranked) {
        OptionalDouble bar = floor.of(segment, ItemKind.PODCAST);
        if (bar.isEmpty() || ranked.isEmpty()) {
            return ranked;
        }
        Set<Long> ids = ranked.stream().map(Scored::id).collect(Collectors.toSet());
        Map<String, float[]> vectors = index.vectors(segment, VectorFilter.kind(ItemKind.PODCAST).withPodcasts(ids), ids.size());
        return ranked.stream().filter(s -> {
            float[] vector = vectors.get(PointIds.of(ItemKind.PODCAST, s.id()));
            return vector != null && Vectors.dot(own, Vectors.normalized(vector)) >= bar.getAsDouble();
        }).toList();
    }

    /** Steps 5 and 6 of the class comment. */
    private List<Scored> rescore(PodcastNeighbourhoods neighbourhoods, String segment, String collection, float[] mean,
            float[] query, Ranking ranking) {
        float[] smoothedQuery = neighbourhoods.smoothed(query, ranking);
        Map<Long, float[]> candidates = smoothedCandidates(neighbourhoods, segment, collection, ranking);
        List<Scored> scored = score(PodcastNeighbourhoods.centred(smoothedQuery, mean), candidates, ranking.keyword());
        int expansion = tuning.expansion();
        if (expansion > 0 && scored.size() > expansion) {
            float[] expanded = smoothedQuery.clone();
            for (Scored best : scored.subList(0, expansion)) {
                Vectors.addScaled(expanded, candidates.get(best.id()), 1);
            }
            scored = score(PodcastNeighbourhoods.centred(Vectors.normalized(expanded), mean), candidates, ranking.keyword());
        }
        return scored;
    }

    /**
     * Each candidate's smoothed vector: kept, or worked out from its own neighbourhood (and then kept;
     * with the tuning's pool, not the request's, so that what is kept does not depend on the limit).
     */
    private Map<Long, float[]> smoothedCandidates(PodcastNeighbourhoods neighbourhoods, String segment,
            String collection, Ranking ranking) {
        Map<Long, float[]> candidates = new LinkedHashMap<>();
        if (tuning.neighbours() == 0) {
            ranking.ranked().forEach(c -> candidates.put(c.id(), neighbourhoods.vector(c.id())));
            return candidates;
        }
        SmoothedVectors kept = smoothed.computeIfAbsent(segment,
                s -> new SmoothedVectors(SMOOTHED_CAPACITY, SMOOTHED_TTL_MINUTES));
        List<Long> missing = new ArrayList<>();
        for (Scored candidate : ranking.ranked()) {
            Optional<float[]> vector = kept.get(collection, candidate.id());
            if (vector.isPresent()) {
                candidates.put(candidate.id(), vector.get());
            } else {
                missing.add(candidate.id());
            }
        }
        if (!missing.isEmpty()) {
            int pool = Math.max(tuning.candidates(), tuning.neighbours());
            for (Podcast other : catalogue.podcasts(missing)) {
                float[] own = neighbourhoods.vector(other.id());
                Ranking around = neighbourhoods.rank(other.id(), own, ItemTexts.of(other), pool);
                float[] vector = neighbourhoods.smoothed(own, around);
                kept.put(collection, other.id(), vector);
                candidates.put(other.id(), vector);
            }
        }
        return candidates;
    }

    private List<Scored> score(float[] centredQuery, Map<Long, float[]> vectors, Map<Long, Double> keyword) {
        float[] q = Vectors.normalized(centredQuery);
        List<Scored> scored = new ArrayList<>(vectors.size());
        vectors.forEach((id, vector) -> scored.add(
                new Scored(id, Vectors.dot(q, vector) + tuning.rescoreKeywordWeight() * keyword.getOrDefault(id, 0.0))));
        return PodcastNeighbourhoods.sorted(scored);
    }

    /** Step 1: the podcast's unit vector, or its weighted mean with its episodes' mean direction. */
    private float[] withEpisodes(String segment, long podcastId, float[] podcast) {
        if (tuning.episodeWeight() == 0 || tuning.episodes() == 0) {
            return podcast;
        }
        Map<String, float[]> episodes = index.vectors(segment,
                VectorFilter.kind(ItemKind.EPISODE).withPodcasts(Set.of(podcastId)), tuning.episodes());
        if (episodes.isEmpty()) {
            return podcast;
        }
        float[] sum = new float[podcast.length];
        episodes.values().forEach(v -> Vectors.addScaled(sum, Vectors.normalized(v), 1));
        float[] query = new float[podcast.length];
        Vectors.addScaled(query, podcast, 1 - tuning.episodeWeight());
        Vectors.addScaled(query, Vectors.normalized(sum), tuning.episodeWeight());
        return Vectors.normalized(query);
    }

    /** The segment's mean podcast vector, or null when it has too few podcasts (or none). */
    private float[] mean(String segment, String collection) {
        long now = System.nanoTime();
        Mean cached = means.get(collection);
        if (cached != null && now - cached.at() < TimeUnit.MINUTES.toNanos(MEAN_TTL_MINUTES)) {
            return cached.vector();
        }
        Map<String, float[]> sample = index.vectors(segment, VectorFilter.kind(ItemKind.PODCAST), MEAN_SAMPLE);
        float[] mean = null;
        if (sample.size() >= MIN_PODCASTS_TO_CENTRE) {
            for (float[] vector : sample.values()) {
                if (mean == null) {
                    mean = new float[vector.length];
                }
                Vectors.addScaled(mean, Vectors.normalized(vector), 1.0 / sample.size());
            }
        }
        means.put(collection, new Mean(mean, now));
        return mean;
    }

    private List<Recommendation<Podcast>> recommendations(Podcast podcast, List<Scored> ranked) {
        Map<Long, Podcast> byId = catalogue.podcasts(ranked.stream().map(Scored::id).toList()).stream()
                .collect(Collectors.toMap(Podcast::id, Function.identity()));
        List<Recommendation<Podcast>> similar = new ArrayList<>(ranked.size());
        for (Scored scored : ranked) {
            Podcast other = byId.get(scored.id());
            if (other != null) { // deleted from the catalogue since it was indexed
                similar.add(new Recommendation<>(other, scored.score(), reason(podcast, other)));
            }
        }
        return similar;
    }

    /** A reason the listener can check on the two podcast pages. */
    static Reason reason(Podcast from, Podcast to) {
        List<String> shared = to.categories().stream().filter(from.categories()::contains).toList();
        if (!shared.isEmpty()) {
            return Reason.sharedCategory(from.title(), shared.get(0));
        }
        return Reason.of(Reason.Kind.CLOSE_IN_SUBJECT, from.title());
    }

    private record Mean(float[] vector, long at) {
    }
}
